import "server-only";
import { db } from "@/lib/server/db";
import { fanvueConfig } from "@/lib/server/fanvue/config";
import type { ShellData } from "@/lib/schemas/shell";
import { deviceGuess, getViewerPrefs, readUserProfile } from "@/lib/server/viewer";
import { listAccessibleCreators } from "@/lib/server/workspaces/access";
import { seatCreators, userSeats } from "@/lib/server/workspaces/seats";

/** What the dashboard shell shows: who is signed in, every creator they may
 * open (for the switcher), and each workspace's connection health. */
export async function loadShell(userId: string, opened?: { creatorId: string }): Promise<ShellData> {
  // The memberships are the ones the page's access check read (userSeats: one read per request, and per few seconds).
  // The user's row is read once for the shell and the preferences (readUserProfile).
  const [user, seats, saved, guess] = await Promise.all([
    readUserProfile(userId),
    userSeats(userId),
    getViewerPrefs(userId),
    deviceGuess(),
  ]);
  if (!user) throw new Error(`No user ${userId}`); // a session's user exists (it cascades on delete)
  // The creator opened is remembered for "/" (written only when it changed: no write per render).
  if (opened && user.lastCreatorId !== opened.creatorId) await rememberCreator(userId, opened.creatorId);
  return {
    user: { name: user.name ?? user.handle ?? "Account", handle: user.handle, image: user.image },
    creators: seatCreators(seats),
    workspaces: seats.map((s) => ({
      id: s.workspace.id,
      name: s.workspace.name,
      kind: s.workspace.kind,
      role: s.role,
      needsReauth: s.workspace.needsReauth,
      reauthReason: s.workspace.reauthReason,
    })),
    isSandbox: fanvueConfig.isSandbox,
    viewer: { saved, guess },
  };
}

/** Where "/" should go: the creator picked last, else the first one. */
/** Where "/" opens. An agency member with several creators lands on the
 * agency's "All creators" (unread and money across them, one click to any);
 * everyone else on the creator they last opened (the first one before any
 * choice). The last creator is still remembered: All creators offers it. */
export async function homePathFor(userId: string): Promise<string> {
  const [user, creators] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { lastCreatorId: true } }),
    listAccessibleCreators(userId),
  ]);
  const last = creators.find((c) => c.id === user?.lastCreatorId);
  const home = last ?? creators[0];
  if (home) {
    const several = creators.filter((c) => c.workspaceId === home.workspaceId).length > 1;
    return home.workspaceKind === "agency" && several ? `/w/${home.workspaceId}` : `/c/${home.id}`;
  }
  const membership = await db.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" } });
  return membership ? `/w/${membership.workspaceId}` : "/welcome";
}

/** The creator this user last opened in this workspace (All creators offers it). */
export async function lastCreatorIn(userId: string, workspaceId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { lastCreatorId: true } });
  if (!user?.lastCreatorId) return null;
  const c = (await listAccessibleCreators(userId)).find(
    (x) => x.id === user.lastCreatorId && x.workspaceId === workspaceId,
  );
  return c ? { id: c.id, displayName: c.displayName } : null;
}

export async function rememberCreator(userId: string, creatorId: string) {
  // `NOT: { lastCreatorId }` alone never matches NULL (SQL: NULL <> x is not true), so the first visit was never remembered.
  await db.user.updateMany({
    where: { id: userId, OR: [{ lastCreatorId: null }, { NOT: { lastCreatorId: creatorId } }] },
    data: { lastCreatorId: creatorId },
  });
}
