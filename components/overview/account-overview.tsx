"use client";

import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StaleNotice } from "@/components/ui/stale-notice";
import { useMe } from "@/lib/queries/me";
import { formatCount } from "@/lib/utils/format";

function Stat({ label, value, hint }: { label: string; value: number | null | undefined; hint?: string }) {
  return (
    <div className="rounded-xl border border-line bg-surface p-4 shadow-sm">
      <p className="text-xs font-medium tracking-wide text-muted uppercase">{label}</p>
      {/* "—" means Fanvue gives no figure for this account; 0 means zero. */}
      <p className="tabular mt-2 text-2xl font-semibold tracking-tight">{value === null || value === undefined ? "—" : formatCount(value)}</p>
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}

export function AccountOverview() {
  const { data: snap, error, isPending, refetch } = useMe();
  if (isPending) return <OverviewSkeleton />;
  if (!snap) return <ErrorState error={error} onRetry={() => void refetch()} what="your Fanvue account" />;
  const data = snap.data;
  const c = data.contentCounts;
  return (
    <div className="flex flex-col gap-4">
      {/* A failed refresh keeps the last figures on screen, with their age. */}
      {snap.stale ? <StaleNotice fetchedAt={snap.fetchedAt} reauth={snap.staleReason === "reauth"} onRetry={() => void refetch()} /> : null}
      <Card className="flex flex-col gap-4 p-5 sm:flex-row sm:items-center">
        <Avatar src={data.avatarUrl} name={data.displayName} size="lg" />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate text-lg font-semibold" data-testid="overview-display-name">
              {data.displayName}
            </h2>
            <Badge tone={data.isCreator ? "brand" : "neutral"}>{data.isCreator ? "Creator" : "Agency / team account"}</Badge>
          </div>
          <p className="text-sm text-muted">@{data.handle}</p>
        </div>
        <p className="text-xs text-muted">Updated {new Date(snap.fetchedAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })}</p>
      </Card>
      {data.isCreator ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <Stat label="Subscribers" value={data.fanCounts?.subscribersCount} hint="Active subscriptions" />
          <Stat label="Followers" value={data.fanCounts?.followersCount} hint="Without a subscription" />
          <Stat label="Likes" value={data.likesCount} />
          <Stat label="Posts" value={c?.postCount} hint={c ? `${formatCount(c.payToViewPostCount)} pay-to-view` : undefined} />
          <Stat label="Images" value={c?.imageCount} />
          <Stat label="Videos" value={c?.videoCount} />
        </div>
      ) : (
        <Card className="p-5 text-sm text-muted">
          This account has no creator profile of its own. Creator data for agencies appears per creator once you pick one.
        </Card>
      )}
    </div>
  );
}

function OverviewSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading account">
      <Card className="flex items-center gap-4 p-5">
        <Skeleton className="size-14 rounded-full" />
        <div className="flex flex-col gap-2">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-24" />
        </div>
      </Card>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
