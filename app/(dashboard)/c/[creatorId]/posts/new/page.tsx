import type { Metadata } from "next";
import { ComposerLoader } from "@/components/posts/composer/composer-loader";
import { Forbidden } from "@/components/ui/forbidden";
import { hasPermission } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "New post" };

type Search = { draft?: string | string[]; media?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

export default async function NewPostPage({
  params,
  searchParams,
}: {
  params: Promise<{ creatorId: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ creatorId }, sp] = await Promise.all([params, searchParams]);
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "posts:write")) return <Forbidden what="posting for this creator" />;
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
      draftId={one(sp.draft)}
      media={(one(sp.media) ?? "").split(",").filter(Boolean)}
      postUuid={null}
    />
  );
}
