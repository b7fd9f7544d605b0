"use client";

import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StaleNotice } from "@/components/ui/stale-notice";
import { Stat } from "@/components/ui/stat";
import { useCreatorOverview } from "@/lib/queries/creators";
import { EarningsStrip } from "./earnings-strip";
import { formatAgo, formatTime, type Viewer } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import { formatCount } from "@/lib/utils/format";

/** `showEarnings`: the role may see money (chatters and others without earnings:read do not);
 * `gettingStarted`: the onboarding card, under the figures (it appears late: see below). */
export function CreatorOverview({
  creatorId,
  showEarnings,
  gettingStarted,
}: {
  creatorId: string;
  showEarnings: boolean;
  gettingStarted?: ReactNode;
}) {
  const viewer = useViewer();
  const { data: snap, error, isPending, refetch } = useCreatorOverview(creatorId);
  // The onboarding card comes last, here and in the skeleton: it appears only once the browser has
  // told what this device has done (push, install, hidden), and nothing may be pushed down when
  // it does (Lighthouse measured a 0.69 layout shift with it above the figures).
  if (isPending) return <OverviewSkeleton gettingStarted={gettingStarted} />;
  if (!snap) return <ErrorState error={error} onRetry={() => void refetch()} what="this creator's overview" />;
  const o = snap.data;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-center gap-4">
        <Avatar src={o.creator.avatarUrl} name={o.creator.displayName} size="lg" />
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight" data-testid="overview-display-name">
            {o.creator.displayName}
          </h1>
          <p className="text-sm text-muted">
            @{o.creator.handle} · updated {formatTime(snap.fetchedAt, viewer)}
          </p>
        </div>
      </div>
      {/* A failed refresh keeps the last figures on screen, with their age. */}
      {snap.stale ? (
        <StaleNotice fetchedAt={snap.fetchedAt} reauth={snap.staleReason === "reauth"} onRetry={() => void refetch()} />
      ) : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat
          label="Subscribers"
          value={o.subscribers}
          hint={o.autoRenewing !== null ? `${formatCount(o.autoRenewing)} auto-renewing` : undefined}
          testId="stat-subscribers"
        />
        <Stat label="Followers" value={o.followers} hint="Without a subscription" testId="stat-followers" />
        <Stat label="Expired" value={o.expiredSubscribers} hint="Former subscribers" />
        <Stat label="Unread chats" value={o.unreadChats} hint={unreadHint(o, viewer)} testId="stat-unread" />
        <Stat
          label="Posts"
          value={o.posts}
          hint={o.posts === null ? "Not offered for agency-managed creators" : undefined}
        />
        <Stat label="Likes" value={o.likes} />
      </div>
      {showEarnings ? <EarningsStrip creatorId={creatorId} /> : null}
      {gettingStarted}
    </div>
  );
}

/** Agency creators' unread count is Vuedeck's copy of the chat list: its age. */
function unreadHint(o: { unreadChats: number | null; unreadSyncedAt: string | null }, viewer: Viewer) {
  if (o.unreadSyncedAt) return `Chats synced ${formatAgo(o.unreadSyncedAt, viewer)}`;
  return o.unreadChats === null ? "Copying the chats from Fanvue…" : undefined;
}

export function OverviewSkeleton({ gettingStarted }: { gettingStarted?: ReactNode }) {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" aria-label="Loading overview">
      <div className="flex items-center gap-4">
        <Skeleton className="size-14 rounded-full" />
        <div className="flex flex-col gap-2">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-28" />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      {gettingStarted}
    </div>
  );
}
