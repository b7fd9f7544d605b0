import type { Metadata } from "next";
import { Suspense } from "react";
import { PostsView } from "@/components/posts/queue/posts-view";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Posts" };

export default async function PostsPage({ params }: { params: Promise<{ creatorId: string }> }) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "posts:read")) return <Forbidden what="this creator's posts" />;
  return (
    // useSearchParams (URL state) needs a Suspense boundary in a static shell.
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <PostsView creatorId={creatorId} handle={access.creator.handle} canWrite={hasPermission(access, "posts:write")} />
    </Suspense>
  );
}
