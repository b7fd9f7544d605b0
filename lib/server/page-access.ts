import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireSession } from "@/lib/server/session";
import { seatCreatorAccess, seatWorkspaceAccess } from "@/lib/server/workspaces/seats";

// What a dashboard page or layout may show, checked once per request. Layouts
// and pages render in parallel, so each must check on its own: a page that
// trusted its layout's check crashed (a TypeError in the log) when a removed
// member or a stranger opened it, before the layout's 404 won. Both call
// these; React's cache() makes it one lookup per request (and the user's
// memberships are read once per few seconds per process: access-cache.ts).

/** The signed-in user's access to the creator, or the 404 page. */
export const pageCreatorAccess = cache(async (creatorId: string) => {
  const session = await requireSession();
  const access = await seatCreatorAccess(session.user.id, creatorId);
  if (!access) notFound();
  return { session, access };
});

/** The signed-in user's access to the workspace, or the 404 page. */
export const pageWorkspaceAccess = cache(async (workspaceId: string) => {
  const session = await requireSession();
  const access = await seatWorkspaceAccess(session.user.id, workspaceId);
  if (!access) notFound();
  return { session, access };
});
