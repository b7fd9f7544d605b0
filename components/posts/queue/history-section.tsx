"use client";

import { Heart, History, MessageCircle, Pin } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { StaleNotice } from "@/components/ui/stale-notice";
import { useHistory } from "@/lib/queries/posts";
import type { HistoryItem, HistoryRange } from "@/lib/schemas/post-views";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { formatDateTime } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import { PostThumb } from "./post-thumb";

const RANGES: { value: HistoryRange; label: string }[] = [
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
  { value: "all", label: "All time" },
];

/** "—" when Fanvue gives no figure; 0 only for a real zero. */
const num = (n: number | null) => (n === null ? "—" : formatCount(n));
const COLS = "sm:grid-cols-[110px_minmax(0,1fr)_64px_80px_80px_96px]";

/** One figure: a label on phones (where the row wraps), a column on wider screens. */
function Figure({
  label,
  icon,
  children,
  strong,
}: {
  label: string;
  icon?: React.ReactNode;
  children: React.ReactNode;
  strong?: boolean;
}) {
  return (
    <span
      className={`tabular inline-flex items-center gap-1 text-sm sm:justify-start ${strong ? "font-semibold sm:justify-end" : ""}`}
      title={label}
    >
      {icon ?? <span className="text-xs text-muted sm:hidden">{label}</span>}
      <span className="sr-only">{label}:</span>
      {children}
    </span>
  );
}

function Row({ creatorId, i, earnings }: { creatorId: string; i: HistoryItem; earnings: boolean }) {
  const viewer = useViewer();
  const title =
    i.text?.split("\n").find((l) => l.trim()) ??
    `${i.mediaUuids.length} media item${i.mediaUuids.length === 1 ? "" : "s"}`;
  return (
    <li
      className={`grid grid-cols-1 gap-1.5 px-4 py-3 sm:items-center sm:gap-3 ${COLS}`}
      data-testid="history-item"
      data-id={i.uuid}
    >
      <span className="tabular text-xs text-muted">
        {i.publishedAt ? formatDateTime(i.publishedAt, viewer, "compact") : "—"}
      </span>
      <div className="flex min-w-0 items-center gap-3">
        <PostThumb creatorId={creatorId} post={i} size="sm" />
        <div className="min-w-0">
          <p className="truncate text-sm font-medium">
            {i.isPinned ? <Pin className="mr-1 inline size-3.5 text-muted" aria-label="Pinned" /> : null}
            {title}
          </p>
          <div className="mt-0.5 flex flex-wrap gap-1.5 text-xs text-muted">
            {i.price !== null ? <Badge tone="brand">PPV {formatMoney(i.price)}</Badge> : <Badge>Free</Badge>}
            {i.authorName ? <span>by {i.authorName}</span> : null}
          </div>
        </div>
      </div>
      {/* Phones: the figures share one line. */}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 sm:contents">
        <Figure label="Likes" icon={<Heart className="size-3.5 text-muted sm:hidden" aria-hidden="true" />}>
          {num(i.likes)}
        </Figure>
        <Figure label="Comments" icon={<MessageCircle className="size-3.5 text-muted sm:hidden" aria-hidden="true" />}>
          {num(i.comments)}
        </Figure>
        <Figure label="Tips">{i.tips ? formatMoney(i.tips.gross) : "—"}</Figure>
        {earnings ? (
          <span data-testid="history-earned" className="sm:text-right">
            <Figure label="Earned" strong>
              {i.earned === null ? "—" : formatMoney(i.earned)}
            </Figure>
          </span>
        ) : (
          <span />
        )}
      </div>
    </li>
  );
}

/** Where "Earned" comes from, or why it shows "—". */
function earnedNote(d: { earningsSyncedAt: string | null; earningsAttributable: boolean }) {
  if (!d.earningsSyncedAt) return "Earnings are not synced yet: figures show as —.";
  if (!d.earningsAttributable)
    return "Fanvue's earnings rows for this creator name no posts, so earnings per post are not known (—).";
  return "Earned = PPV unlocks and tips in the range, from synced earnings.";
}

/** Recent posts and what they did; earnings in the range come from the synced ledger. */
export function HistorySection({ creatorId, tz }: { creatorId: string; tz: string }) {
  const [range, setRange] = useState<HistoryRange>("30d");
  const [page, setPage] = useState(1);
  const q = useHistory(creatorId, { page, range, tz });
  const d = q.data;
  return (
    <section className="flex flex-col gap-3" aria-labelledby="history-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="history-heading" className="flex items-center gap-2 text-lg font-semibold">
          <History className="size-5 text-brand-700" aria-hidden="true" /> Recent posts
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted">Earnings in</span>
          <Select value={range} onChange={(e) => setRange(e.target.value as HistoryRange)} data-testid="history-range">
            {RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {d?.limitedBy ? (
        <Alert tone="info" title="Posts made in Vuedeck" data-testid="history-limited">
          {d.limitedBy}
        </Alert>
      ) : null}
      {d?.stale ? <StaleNotice fetchedAt={d.fetchedAt} reauth={false} onRetry={() => void q.refetch()} /> : null}
      {q.isPending ? (
        <Skeleton className="h-64 w-full rounded-xl" />
      ) : q.isError ? (
        <ErrorState error={q.error} what="recent posts" onRetry={() => void q.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-xl border border-line bg-surface shadow-sm">
          <div className={`hidden gap-3 border-b border-line px-4 py-2 text-xs font-medium text-muted sm:grid ${COLS}`}>
            <span>Published</span>
            <span>Post</span>
            <span>Likes</span>
            <span>Comments</span>
            <span>Tips</span>
            <span className="text-right">
              {d!.earningsVisible ? `Earned · ${range === "all" ? "all time" : range}` : ""}
            </span>
          </div>
          {d!.items.length ? (
            <ul className="divide-y divide-line">
              {d!.items.map((i) => (
                <Row key={i.uuid} creatorId={creatorId} i={i} earnings={d!.earningsVisible} />
              ))}
            </ul>
          ) : (
            <p className="p-6 text-center text-sm text-muted">{page === 1 ? "No posts yet." : "No more posts."}</p>
          )}
          <div className="flex flex-wrap items-center gap-2 border-t border-line px-4 py-2 text-xs text-muted">
            {d!.earningsVisible ? (
              <span data-testid="history-earned-note">
                {earnedNote(d!)}{" "}
                <Link
                  className="font-medium text-brand-700 hover:underline"
                  href={`/c/${creatorId}/earnings?range=${range}&sources=post,tip`}
                >
                  See these earnings
                </Link>
              </span>
            ) : null}
            <span className="ml-auto flex gap-2">
              <Button size="sm" variant="secondary" disabled={page === 1} onClick={() => setPage((x) => x - 1)}>
                Newer
              </Button>
              <Button size="sm" variant="secondary" disabled={!d!.hasMore} onClick={() => setPage((x) => x + 1)}>
                Older
              </Button>
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
