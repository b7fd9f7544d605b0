import type { Metadata } from "next";
import { Suspense } from "react";
import { PostsView } from "@/components/posts/queue/posts-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { requireSession } from "@/lib/server/session";
import { getCreatorAccess, hasPermission } from "@/lib/server/workspaces/access";

export const metadata: Metadata = { title: "Posts" };

export default async function PostsPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const session = await requireSession();
  // The creator layout already refused creators outside the user's scope.
  const access = (await getCreatorAccess(session.user.id, creatorId))!;
  if (!hasPermission(access, "posts:read")) return <Forbidden what="this creator's posts" />;
  return (
    // useSearchParams (URL state) needs a Suspense boundary in a static shell.
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <PostsView creatorId={creatorId} handle={access.creator.handle} canWrite={hasPermission(access, "posts:write")} />
    </Suspense>
  );
}
