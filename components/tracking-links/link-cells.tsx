"use client";

import { Check, Copy } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/viewer/viewer";
import type { TrackingLinkRow } from "@/lib/schemas/tracking-links";
import { PLATFORM_LABELS } from "@/lib/schemas/tracking-links-values";
import { cn } from "@/lib/utils/cn";
import { daysBetween, localDate } from "@/lib/utils/date-range";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { formatRoi } from "@/lib/utils/tracking-links";

type Cell = { l: TrackingLinkRow };

/** How long "Copied" stays before the button reads "Copy" again. */
const COPIED_MS = 2_000;

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      className="h-6 px-1.5 text-xs"
      aria-label={`Copy link ${text}`}
      data-testid="link-copy"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), COPIED_MS);
        })
      }
    >
      {copied ? <Check className="size-3" aria-hidden="true" /> : <Copy className="size-3" aria-hidden="true" />}
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}

export function LinkCell({ l, showCreator }: Cell & { showCreator: boolean }) {
  const f = useFormat();
  return (
    <div className="flex max-w-56 min-w-40 flex-col gap-0.5 whitespace-normal">
      {showCreator ? (
        <Link
          href={`/c/${l.creatorId}/links`}
          className="text-xs font-medium text-brand-700 hover:underline touch:flex touch:min-h-11 touch:items-center"
        >
          {l.creatorName}
        </Link>
      ) : null}
      <span className="flex flex-wrap items-center gap-1.5">
        <span className="font-medium break-words" data-testid="link-name-cell">
          {l.name}
        </span>
        {l.deletedAt ? <Badge tone="warning">Deleted {f.date(l.deletedAt, "short")}</Badge> : null}
      </span>
      <span className="flex items-center gap-1 text-xs text-muted">
        <code className="truncate" title={l.linkUrl} data-testid="link-url">
          {l.linkUrl}
        </code>
        {l.deletedAt ? null : <CopyButton text={l.linkUrl} />}
      </span>
      <span className="text-xs text-muted">
        {PLATFORM_LABELS[l.platform] ?? l.platform} · created {f.date(l.createdAt, "short")}
      </span>
    </div>
  );
}

/** Fanvue's acquired followers and, of them, subscribers. */
export function AcquiredCell({ l }: Cell) {
  return (
    <span className="flex flex-col items-end">
      <span data-testid="link-followers">
        {formatCount(l.acquiredFollowers)} <span className="text-xs text-muted">followers</span>
      </span>
      <span data-testid="link-subscribers">
        {formatCount(l.acquiredSubscribers)} <span className="text-xs text-muted">subs</span>
      </span>
    </span>
  );
}

const NOT_REPORTED = "Not reported by Fanvue";

export function RevenueCell({ l }: Cell) {
  if (!l.earnings) return <span className="text-xs text-muted">{NOT_REPORTED}</span>;
  return (
    <span className="flex flex-col items-end">
      <span className="font-medium" data-testid="link-net">
        {l.earnings.net === null ? "—" : formatMoney(l.earnings.net)}
      </span>
      <span className="text-xs text-muted">
        {l.earnings.gross === null ? "gross not reported" : `${formatMoney(l.earnings.gross)} gross`}
      </span>
    </span>
  );
}

/** Below a cent per click reads as such, not as $0.00. */
const perText = (cents: number | null, cost: number) =>
  cents === null ? "—" : cents === 0 && cost > 0 ? "< $0.01" : formatMoney(cents);

export function PerCell({ l }: Cell) {
  if (!l.cost) return <span className="text-muted">—</span>;
  return (
    <span className="flex flex-col items-end">
      <span title="Cost per acquired subscriber">{perText(l.costPerSubscriber, l.cost.cents)} /sub</span>
      <span className="text-xs text-muted" title="Cost per click">
        {perText(l.costPerClick, l.cost.cents)} /click
      </span>
    </span>
  );
}

export function RoiCell({ l }: Cell) {
  if (l.roi === null) {
    const why = !l.cost ? "Enter a cost to see ROI" : l.cost.cents === 0 ? "A free promotion has no ROI" : NOT_REPORTED;
    return (
      <span className="text-muted" title={why}>
        —
      </span>
    );
  }
  return (
    <span className={cn("font-semibold", l.roi >= 0 ? "text-brand-700" : "text-red-700")} data-testid="link-roi">
      {formatRoi(l.roi)}
    </span>
  );
}

export function PaybackCell({ l }: Cell) {
  const f = useFormat();
  if (!l.cost || l.cost.cents === 0) return <span className="text-muted">—</span>;
  if (l.paybackDay) {
    const days = daysBetween(localDate(Date.parse(l.createdAt), f.viewer.zone), l.paybackDay);
    return (
      <span className="flex flex-col" data-testid="link-payback">
        <span className="font-medium" title={l.paybackDay}>
          {f.day(l.paybackDay, "dayMonth")}, {l.paybackDay.slice(0, 4)}
        </span>
        <span className="text-xs text-muted">
          {days === 0 ? "on day one" : `after ${days} ${days === 1 ? "day" : "days"}`}
        </span>
      </span>
    );
  }
  return (
    <span className="flex flex-col" data-testid="link-payback">
      <span>Not yet</span>
      <span className="text-xs text-muted">
        {formatMoney(Math.max(0, l.ledgerNet))} of {formatMoney(l.cost.cents)}
      </span>
    </span>
  );
}
