import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSession } from "@/lib/server/session";
import { getCreatorAccess, getWorkspaceAccess } from "@/lib/server/workspaces/access";

// What a dashboard page or layout may show, checked once per request. Layouts
// and pages render in parallel, so each must check on its own: a page that
// trusted its layout's check crashed (a TypeError in the log) when a removed
// member or a stranger opened it, before the layout's 404 won. Both call
// these; React's cache() makes it one lookup per request.

/** The signed-in user's access to the creator, or the 404 page. */
export const pageCreatorAccess = cache(async (creatorId: string) => {
  const session = await requireSession();
  const access = await getCreatorAccess(session.user.id, creatorId);
  if (!access) notFound();
  return { session, access };
});

/** The signed-in user's access to the workspace, or the 404 page. */
export const pageWorkspaceAccess = cache(async (workspaceId: string) => {
  const session = await requireSession();
  const access = await getWorkspaceAccess(session.user.id, workspaceId);
  if (!access) notFound();
  return { session, access };
});
