"use client";

import { useFormat } from "@/components/viewer/viewer";
import { useNow } from "@/components/viewer/use-now";
import { cn } from "@/lib/utils/cn";
import { localDate } from "@/lib/utils/date-range";
import { zoneAbbr } from "@/lib/utils/time";

// How fresh a money figure from the synced ledger is: "as of 12:03 CET" (the
// instant the ledger covers, from its last sync), the day too when it is not
// today, in the viewer's zone; "not synced yet" before the first sync. One
// component, so every ledger figure says it the same way.

/** An instant in the viewer's zone: "12:03" today, "6 Dec, 12:03" another day. */
export function useShortWhen() {
  const f = useFormat();
  const now = useNow(60_000);
  const { zone } = f.viewer;
  return (at: string) =>
    localDate(Date.parse(at), zone) === localDate(now, zone) ? f.time(at) : f.dateTime(at, "compact");
}

/** "12:03 CET" today, "6 Dec, 12:03 CET" another day; null before the first sync. */
export function useAsOfText(at: string | null): string | null {
  const when = useShortWhen();
  const { zone } = useFormat().viewer;
  return at ? `${when(at)} ${zoneAbbr(at, zone)}` : null;
}

/** `sentence`: stands on its own after other sentences ("Figures as of …", "Not synced yet."). */
export function AsOf({
  at,
  className,
  testId,
  sentence = false,
}: {
  at: string | null;
  className?: string;
  testId?: string;
  sentence?: boolean;
}) {
  const text = useAsOfText(at);
  return (
    <span
      className={cn("text-xs whitespace-nowrap text-muted", className)}
      data-testid={testId ?? "as-of"}
      data-as-of={at ?? ""}
    >
      {text ? (
        <>
          {sentence ? "Figures as of " : "as of "}
          <time dateTime={at!}>{text}</time>
          {sentence ? "." : ""}
        </>
      ) : sentence ? (
        "Not synced yet."
      ) : (
        "not synced yet"
      )}
    </span>
  );
}
