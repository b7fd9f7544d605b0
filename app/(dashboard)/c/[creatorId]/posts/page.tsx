import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { Prefetched } from "@/components/layout/prefetched";
import { PostsView } from "@/components/posts/queue/posts-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { postKeys, type HistoryParams } from "@/lib/queries/posts";
import { listDrafts } from "@/lib/server/posts/drafts";
import { getHistory } from "@/lib/server/posts/history";
import { getQueue } from "@/lib/server/posts/queue-sources";
import { asJson, asMemberRead, settleWithin } from "@/lib/server/page-prefetch";
import { knownViewerZone } from "@/lib/server/viewer";
import { hasPermission, type CreatorAccess } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Posts" };

/** Past this the lists are left to the client: Fanvue's post list (up to 4
 * pages for the queue) must not hold the page when Fanvue is slow. */
const PREFETCH_BUDGET_MS = 3_000;

/** The first screen with the HTML: the queue and the first page of recent
 * posts (Fanvue's list, kept 15 s for every member: lib/server/posts/list-cache.ts)
 * and the author's drafts. Recent posts' earnings are per day in the viewer's
 * zone: skipped when that zone is known only in the browser. */
async function prefetchPosts(qc: QueryClient, access: CreatorAccess, userId: string) {
  const creatorId = access.creator.id;
  const zone = await knownViewerZone(userId);
  // The history section's first view (components/posts/queue/history-section.tsx).
  const history: HistoryParams | null = zone ? { page: 1, range: "30d", tz: zone } : null;
  await settleWithin(PREFETCH_BUDGET_MS, [
    qc.prefetchQuery({ queryKey: postKeys.queue(creatorId), queryFn: () => asJson(getQueue(access)) }),
    history
      ? qc.prefetchQuery({
          queryKey: postKeys.history(creatorId, history),
          queryFn: () => asJson(getHistory(access, history)),
        })
      : Promise.resolve(),
    hasPermission(access, "posts:write")
      ? qc.prefetchQuery({
          queryKey: postKeys.drafts(creatorId),
          queryFn: () => asJson(listDrafts({ creatorId, authorId: userId })),
        })
      : Promise.resolve(),
  ]);
}

export default async function PostsPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { session, access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "posts:read")) return <Forbidden what="this creator's posts" />;
  return (
    // useSearchParams (URL state) needs a Suspense boundary in a static shell.
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <Prefetched
        prefetch={(qc) => asMemberRead(access, session.user, () => prefetchPosts(qc, access, session.user.id))}
      >
        <PostsView
          creatorId={creatorId}
          handle={access.creator.handle}
          canWrite={hasPermission(access, "posts:write")}
        />
      </Prefetched>
    </Suspense>
  );
}
