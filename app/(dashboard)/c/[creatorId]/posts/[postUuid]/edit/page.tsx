import type { Metadata } from "next";
import { ComposerLoader } from "@/components/posts/composer/composer-loader";
import { Forbidden } from "@/components/ui/forbidden";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Edit post" };

export default async function EditPostPage({ params }: { params: Promise<{ creatorId: string; postUuid: string }> }) {
  const { creatorId, postUuid } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "posts:write")) return <Forbidden what="editing this creator's posts" />;
  const c = access.creator;
  return (
    <ComposerLoader
      creator={{
        id: creatorId,
        handle: c.handle,
        displayName: c.displayName,
        avatarUrl: c.avatarUrl,
        agency: access.workspace.kind === "agency",
      }}
      draftId={null}
      media={[]}
      postUuid={postUuid}
    />
  );
}
