import type { Metadata } from "next";
import { ComposerLoader } from "@/components/posts/composer/composer-loader";
import { Forbidden } from "@/components/ui/forbidden";
import { requireSession } from "@/lib/server/session";
import { getCreatorAccess, hasPermission } from "@/lib/server/workspaces/access";

export const metadata: Metadata = { title: "Edit post" };

export default async function EditPostPage({ params }: { params: Promise<{ creatorId: string; postUuid: string }> }) {
  const { creatorId, postUuid } = await params;
  const session = await requireSession();
  // The creator layout already refused creators outside the user's scope.
  const access = (await getCreatorAccess(session.user.id, creatorId))!;
  if (!hasPermission(access, "posts:write")) return <Forbidden what="editing this creator's posts" />;
  const c = access.creator;
  return (
    <ComposerLoader
      creator={{ id: creatorId, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl, agency: access.workspace.kind === "agency" }}
      draftId={null}
      media={[]}
      postUuid={postUuid}
    />
  );
}
