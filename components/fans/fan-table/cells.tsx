import { TriangleAlert, Crown, RefreshCcw, RefreshCwOff } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import type { FanRow } from "@/lib/schemas/fans";
import { fanName, money, statusLabel, statusTone, until } from "../format";
import { useFormat } from "@/components/viewer/viewer";

// Table cells. An unknown figure is "—" with the reason on hover; a fan
// Fanvue could not load is marked, not shown as zero.

export function FanCell({ row }: { row: FanRow }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <Avatar src={row.avatarUrl} name={row.displayName ?? row.handle} size="sm" />
      <div className="min-w-0">
        <p className="flex items-center gap-1.5 truncate font-medium">
          <span className="truncate">{fanName(row)}</span>
          {row.isTopSpender ? <Crown className="size-3.5 shrink-0 text-amber-500" aria-label="Top spender" /> : null}
        </p>
        <p className="truncate text-xs text-muted">
          {row.handle ? `@${row.handle}` : "Not seen in a list yet"}
          {/* Phones hide the status column: keep it here. */}
          {row.insight.data ? <span className="md:hidden"> · {statusLabel(row.insight.data.status)}</span> : null}
        </p>
        {row.tags.length ? (
          <p className="mt-1 flex flex-wrap gap-1">
            {row.tags.map((t) => (
              <Badge key={t} tone="info" className="px-1.5 py-0 text-[11px]">
                {t}
              </Badge>
            ))}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function why(row: FanRow) {
  const i = row.insight;
  if (i.state === "unsupported") return "Not available for agency-managed creators";
  if (i.state === "not_found") return "Not a fan of this creator";
  if (i.state === "forbidden") return "Not visible to this account";
  if (i.state === "error")
    return `${i.error?.message ?? "Fanvue could not load this fan"}${i.retryAt ? " Retrying shortly." : ""}`;
  return "Fanvue gave no figure";
}

/** "—" with the reason; a warning icon when Fanvue failed for this fan. */
export function Unknown({ row }: { row: FanRow }) {
  const failed = row.insight.state === "error" && !row.insight.data;
  return (
    <span className="inline-flex items-center gap-1 text-muted" title={why(row)}>
      {failed ? <TriangleAlert className="size-3.5 text-amber-600" aria-label="Could not load" /> : null}—
    </span>
  );
}

export function StatusCell({ row }: { row: FanRow }) {
  const d = row.insight.data;
  if (row.insight.state === "not_found") return <Badge tone="danger">Not a fan</Badge>;
  if (row.insight.state === "forbidden") return <Badge tone="neutral">Not visible</Badge>;
  // No insights (agency-managed creators, or Fanvue failed): the list the
  // roster last saw the fan in still says subscriber or follower.
  if (!d && row.list) {
    return (
      <Badge
        tone={row.list === "subscribers" ? "brand" : "neutral"}
        title="From Fanvue's subscriber and follower lists"
      >
        {row.list === "subscribers" ? "Subscriber" : "Follower"}
      </Badge>
    );
  }
  if (!d) return <Unknown row={row} />;
  return <Badge tone={statusTone(d.status)}>{statusLabel(d.status)}</Badge>;
}

export function SpendCell({ row }: { row: FanRow }) {
  const d = row.insight.data;
  const l = row.ledger;
  // Agency-managed creators: Fanvue has no fan insights, the ledger has the money.
  const gross = d?.totalGross ?? (row.insight.state === "unsupported" ? l?.gross : undefined);
  if (gross === undefined || gross === null) return <Unknown row={row} />;
  return (
    <span className="flex flex-col items-end leading-tight">
      <span className="tabular font-medium">{money(gross)}</span>
      {l ? <span className="tabular text-xs text-muted">net {money(l.net)}</span> : null}
    </span>
  );
}

export function DateCell({
  iso,
  row,
  relative,
}: {
  iso: string | null | undefined;
  row: FanRow;
  relative?: "past" | "future";
}) {
  const f = useFormat();
  if (!row.insight.data) return <Unknown row={row} />;
  if (!iso) return <span className="text-muted">—</span>;
  return (
    <span className="flex flex-col leading-tight">
      <span>{f.date(iso)}</span>
      {relative ? (
        // "7 h ago" read at render: the server's HTML may be a minute older than the client's first render.
        <span className="text-xs text-muted" suppressHydrationWarning>
          {relative === "past" ? f.ago(iso) : until(iso)}
        </span>
      ) : null}
    </span>
  );
}

export function RenewCell({ row }: { row: FanRow }) {
  const f = useFormat();
  const d = row.insight.data;
  if (!d) return <Unknown row={row} />;
  if (d.status !== "subscriber" || !d.renewsAt) return <span className="text-muted">—</span>;
  return (
    <span className="flex flex-col leading-tight">
      <span>{f.date(d.renewsAt)}</span>
      {d.autoRenew ? (
        <span className="inline-flex items-center gap-1 text-xs text-brand-700">
          <RefreshCcw className="size-3" aria-hidden="true" /> auto-renew on
        </span>
      ) : (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-700">
          <RefreshCwOff className="size-3" aria-hidden="true" /> auto-renew off
        </span>
      )}
    </span>
  );
}
