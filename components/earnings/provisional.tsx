"use client";

import { Badge } from "@/components/ui/badge";
import type { Provisional, ProvisionalEvent } from "@/lib/schemas/earnings";
import { cn } from "@/lib/utils/cn";
import { formatMoney } from "@/lib/utils/format";
import { useShortWhen } from "./as-of";

// Money Fanvue announced by webhook that the ledger has not synced yet: the
// figures that include it carry a "Provisional" mark, and one line says how
// much, from what, since when, and that the next sync confirms it. Its net is
// not shown: the event carries what the fan paid, not what the creator keeps
// (Fanvue's share varies by source and referral), so net stays the ledger's
// until the sync brings the real row, rather than an estimate dressed as a figure.

const NOUN: Record<ProvisionalEvent["kind"], [string, string]> = {
  "tip-received": ["tip", "tips"],
  "purchase-received": ["purchase", "purchases"],
  "new-subscriber": ["subscription", "subscriptions"],
};

/** "1 tip", "2 tips and 1 purchase" (the listed events; `count` may hold more). */
function what(p: Provisional) {
  const counts = new Map<ProvisionalEvent["kind"], number>();
  for (const e of p.events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const listed = [...counts].map(([k, n]) => `${n} ${NOUN[k][n === 1 ? 0 : 1]}`);
  const more = p.count - p.events.length;
  if (more > 0) listed.push(`${more} more`);
  return listed.length > 1 ? `${listed.slice(0, -1).join(", ")} and ${listed.at(-1)}` : (listed[0] ?? "");
}

/** The mark beside a figure that includes provisional money. */
export function ProvisionalBadge({ testId, className }: { testId?: string; className?: string }) {
  return (
    <Badge
      tone="info"
      className={cn("px-1.5 py-0 text-[0.6875rem] normal-case", className)}
      data-testid={testId}
      title="Includes money Fanvue announced that the ledger has not synced yet"
    >
      Provisional
    </Badge>
  );
}

/** "Includes $50.00 from 1 tip received 12:03, not yet in the ledger; net and confirmation at the next sync." */
export function ProvisionalNote({ provisional: p, className }: { provisional: Provisional; className?: string }) {
  const time = useShortWhen();
  const newest = p.events[0];
  const oldest = p.events.at(-1);
  if (p.count === 0 || !newest || !oldest) return null;
  // Only the newest are listed: with more, the oldest listed is not the first one.
  const when =
    newest.at === oldest.at
      ? `received ${time(newest.at)}`
      : p.count > p.events.length
        ? `received up to ${time(newest.at)}`
        : `received since ${time(oldest.at)}`;
  return (
    <p
      className={cn("flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted", className)}
      data-testid="provisional-note"
    >
      <ProvisionalBadge />
      <span>
        Includes {formatMoney(p.gross)} gross from {what(p)} {when}, not yet in the ledger; confirmed, with its net, at
        the next sync.
      </span>
    </p>
  );
}
