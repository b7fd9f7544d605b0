"use client";

import dynamic from "next/dynamic";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat } from "@/components/viewer/viewer";
import type { SubscriberTrends } from "@/lib/schemas/subscriber-trends";
import { formatCount } from "@/lib/utils/format";

// The share of subscribers with auto-renew off, from the day Vuedeck began
// recording it (Fanvue keeps no history): one point per day.

export const pct = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

// The line (recharts, ~100 kB gzipped) loads after the page, into a box of the same height.
const ShareLine = dynamic(() => import("./auto-renew-line").then((m) => m.ShareLine), {
  ssr: false,
  loading: () => <Skeleton className="h-48" />,
});

export function AutoRenewChart({ autoRenew }: { autoRenew: SubscriberTrends["autoRenew"] }) {
  const f = useFormat();
  const last = autoRenew.points.at(-1);
  return (
    <Card className="flex flex-col gap-3 p-4" data-testid="auto-renew">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Auto-renew off</h2>
        <p className="text-xs text-muted" data-testid="auto-renew-since">
          {autoRenew.since
            ? `Recorded by Vuedeck since ${f.day(autoRenew.since, "full")}, once a day (UTC days)`
            : "Not recorded yet"}
        </p>
      </div>
      {!last ? (
        <p className="text-sm text-muted">
          Fanvue keeps no history of auto-renew settings, so Vuedeck records the share each day from your fan roster.
          The first record is taken once the roster has synced (open Fans to start it).
        </p>
      ) : (
        <>
          <p className="text-sm" data-testid="auto-renew-latest">
            {last.share === null ? (
              "No subscriber's auto-renew setting is known yet: Vuedeck learns it from Fanvue's fan insights (the Fans page loads them)."
            ) : (
              <>
                <span className="font-semibold">{pct(last.share)}</span> of subscribers have auto-renew off (
                {formatCount(last.autoRenewOff)} of {formatCount(last.known)} whose setting is known;{" "}
                {formatCount(last.subscribers)} in the roster).
              </>
            )}
          </p>
          {autoRenew.points.some((p) => p.share !== null) ? <ShareLine points={autoRenew.points} /> : null}
        </>
      )}
    </Card>
  );
}
