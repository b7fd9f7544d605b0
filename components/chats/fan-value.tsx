"use client";

import { Crown } from "lucide-react";
import { useFormat } from "@/components/viewer/viewer";
import { useNow } from "@/components/viewer/use-now";
import type { ChatRow, FanValue } from "@/lib/schemas/chats";
import { cn } from "@/lib/utils/cn";
import { formatMoney } from "@/lib/utils/format";

// What a fan is worth, on their inbox row: lifetime spend, status and last
// purchase, on one short line so rows stay compact on a phone.

const STATUS: Record<NonNullable<FanValue["status"]>, { text: string; className: string; title: string }> = {
  subscriber: { text: "Subscriber", className: "bg-brand-50 text-brand-800", title: "Subscribed now" },
  trial: {
    text: "Trial",
    className: "bg-sky-50 text-sky-800",
    title: "Subscribed without a paid subscription yet (free trial or free subscription)",
  },
  expired: { text: "Expired", className: "bg-amber-50 text-amber-900", title: "Their subscription has ended" },
  follower: { text: "Follower", className: "bg-zinc-100 text-zinc-700", title: "Follows without subscribing" },
};

/** "$1,234.56 · Subscriber · bought 3 d ago" ("—" for a spend nobody knows yet). */
export function FanValueLine({ row }: { row: ChatRow }) {
  const f = useFormat();
  const now = useNow(60_000);
  const v = row.value;
  if (!v) return null;
  const status = v.status ? STATUS[v.status] : null;
  const spendTitle =
    v.spendFrom === "ledger"
      ? "Lifetime spend from Vuedeck's earnings ledger"
      : v.spendFrom === "fanvue"
        ? "Lifetime spend as Fanvue last reported it"
        : "Lifetime spend not known yet";
  return (
    <span className="mt-1 flex min-w-0 items-center gap-1.5 text-[11px] leading-4 text-muted" data-testid="fan-value">
      <span
        className="tabular inline-flex shrink-0 items-center gap-0.5 font-semibold text-ink"
        title={spendTitle}
        data-testid="fan-spend"
      >
        {row.isTopSpender ? <Crown className="size-3 text-amber-500" aria-label="Top spender" /> : null}
        <span className="sr-only">Spent </span>
        {v.spend === null ? "—" : formatMoney(v.spend)}
      </span>
      {status ? (
        <span
          className={cn("shrink-0 rounded px-1 font-medium", status.className)}
          title={status.title}
          data-testid="fan-status"
          data-status={v.status}
        >
          {status.text}
        </span>
      ) : null}
      {v.lastPurchaseAt ? (
        // Relative to now: the server's HTML may be a minute older than the client's first render.
        <span
          className="truncate"
          title={f.dateTime(v.lastPurchaseAt)}
          data-testid="fan-last-purchase"
          suppressHydrationWarning
        >
          bought {f.ago(v.lastPurchaseAt, now)}
        </span>
      ) : null}
    </span>
  );
}
