"use client";

import { CalendarClock } from "lucide-react";
import Link from "next/link";
import { Segmented } from "@/components/ui/segmented";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StaleNotice } from "@/components/ui/stale-notice";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useQueue, useQueueActions } from "@/lib/queries/posts";
import type { QueueItem } from "@/lib/schemas/post-views";
import { formatWhen } from "@/lib/utils/time";
import type { Notice } from "./item-actions";
import { QueueList } from "./queue-list";
import { WeekCalendar } from "./week-calendar";
import { useViewer } from "@/components/viewer/viewer";

type Props = {
  creatorId: string;
  handle: string;
  tz: string;
  canWrite: boolean;
  view: "list" | "week";
  onView: (v: "list" | "week") => void;
  highlight: string | null;
  onNotice: (n: Notice) => void;
};

/** Moving a post moves its expiry by as much, keeping how long it stays up. */
function shiftedExpiry(item: QueueItem, at: string) {
  const exp = item.post?.expiresAt;
  if (!exp) return undefined;
  return new Date(Date.parse(exp) + (Date.parse(at) - Date.parse(item.at))).toISOString();
}

/** Rescheduling a dropped post: at least a minute ahead, its expiry moved along. */
function useMovePost(creatorId: string, onNotice: (n: Notice) => void) {
  const viewer = useViewer();
  const actions = useQueueActions(creatorId);
  const move = (item: QueueItem, at: string) => {
    if (Date.parse(at) <= Date.now() + 60_000)
      return onNotice({
        tone: "danger",
        text: `Cannot move “${item.title}” to ${formatWhen(at, viewer)}: pick a time at least a minute from now.`,
      });
    const expiresAt = shiftedExpiry(item, at);
    actions.reschedule.mutate(
      { uuid: item.id, publishAt: at, ...(expiresAt ? { expiresAt } : {}) },
      {
        onSuccess: () =>
          onNotice({
            tone: "info",
            text: `Moved “${item.title}” to ${formatWhen(at, viewer)}${expiresAt ? " (its expiry moved along)" : ""}.`,
          }),
        onError: (e) =>
          onNotice({
            tone: "danger",
            text: e instanceof ApiClientError ? e.message : "Could not move the post. Try again.",
          }),
      },
    );
  };
  const itemActions = {
    publishNow: (u: string) => actions.publishNow.mutateAsync(u),
    cancel: (u: string) => actions.cancel.mutateAsync(u),
  };
  return { move, itemActions };
}

function QueueEmpty({ creatorId, canWrite }: { creatorId: string; canWrite: boolean }) {
  return (
    <div className="rounded-xl border border-dashed border-line bg-surface p-6 text-center" data-testid="queue-empty">
      <p className="text-sm font-medium">Nothing scheduled</p>
      <p className="mt-1 text-sm text-muted">Posts you schedule show here by day, in your time zone.</p>
      {canWrite ? (
        <Button asChild className="mt-4">
          <Link href={`/c/${creatorId}/posts/new`}>Write a post</Link>
        </Button>
      ) : null}
    </div>
  );
}

type Cancelled = NonNullable<ReturnType<typeof useQueue>["data"]>["cancelled"];

/** Posts parked on 1 Jan 2099, each with a way to schedule it again. */
function CancelledPosts({
  creatorId,
  canWrite,
  cancelled,
}: {
  creatorId: string;
  canWrite: boolean;
  cancelled: Cancelled;
}) {
  const viewer = useViewer();
  return (
    <details className="rounded-xl border border-line bg-surface px-4 py-3 text-sm" data-testid="cancelled-posts">
      <summary className="cursor-pointer font-medium">Cancelled ({cancelled.length})</summary>
      <p className="mt-2 text-xs text-muted">
        Parked on Fanvue on 1 Jan 2099 so they never go out. Schedule one again, or delete it in Fanvue&apos;s app.
      </p>
      <ul className="mt-2 divide-y divide-line">
        {cancelled.map((c) => (
          <li key={c.uuid} className="flex items-center gap-3 py-2">
            <span className="min-w-0 flex-1 truncate">{c.text?.split("\n")[0] || `${c.mediaUuids.length} media`}</span>
            <span className="shrink-0 text-xs text-muted">
              was {c.publishAt ? formatWhen(c.publishAt, viewer) : "—"}
            </span>
            {canWrite ? (
              <Link
                className="shrink-0 font-medium text-brand-700 hover:underline"
                href={`/c/${creatorId}/posts/${c.uuid}/edit`}
              >
                Schedule again
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function QueueHeading({
  count,
  view,
  onView,
}: {
  count: number | undefined;
  view: Props["view"];
  onView: Props["onView"];
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h2 id="queue-heading" className="flex items-center gap-2 text-lg font-semibold">
        <CalendarClock className="size-5 text-brand-700" aria-hidden="true" /> Queue
        {count !== undefined ? <span className="text-sm font-normal text-muted">({count})</span> : null}
      </h2>
      <Segmented
        label="Queue view"
        options={[
          { value: "list" as const, label: "List" },
          { value: "week" as const, label: "Week" },
        ]}
        value={view}
        onChange={onView}
        testId="queue-view"
      />
    </div>
  );
}

export function QueueSection(p: Props) {
  const q = useQueue(p.creatorId);
  const { move, itemActions } = useMovePost(p.creatorId, p.onNotice);
  const data = q.data;
  return (
    <section className="flex flex-col gap-3" aria-labelledby="queue-heading">
      <QueueHeading count={data?.items.length} view={p.view} onView={p.onView} />
      {data?.limitedBy ? (
        <Alert tone="info" title="Showing posts scheduled in Vuedeck" data-testid="queue-limited">
          {data.limitedBy}
        </Alert>
      ) : null}
      {data?.stale ? <StaleNotice fetchedAt={data.fetchedAt} reauth={false} onRetry={() => void q.refetch()} /> : null}
      {q.isPending ? (
        <Skeleton className="h-48 w-full rounded-xl" />
      ) : q.isError ? (
        <ErrorState error={q.error} what="the queue" onRetry={() => void q.refetch()} />
      ) : p.view === "week" ? (
        <WeekCalendar
          items={data!.items}
          tz={p.tz}
          onMove={p.canWrite ? move : () => p.onNotice({ tone: "danger", text: "Your role cannot reschedule posts." })}
        />
      ) : data!.items.length === 0 ? (
        <QueueEmpty creatorId={p.creatorId} canWrite={p.canWrite} />
      ) : (
        <QueueList
          creatorId={p.creatorId}
          items={data!.items}
          tz={p.tz}
          canWrite={p.canWrite}
          highlight={p.highlight}
          actions={itemActions}
          onNotice={p.onNotice}
        />
      )}
      {data?.cancelled.length ? (
        <CancelledPosts creatorId={p.creatorId} canWrite={p.canWrite} cancelled={data.cancelled} />
      ) : null}
    </section>
  );
}
