import "server-only";
import { db } from "@/lib/server/db";
import { loadShell } from "@/lib/server/shell";
import type { ShellData } from "@/lib/schemas/shell";
import type { Role } from "@/lib/schemas/permissions";

export type SettingsFrame = {
  shell: ShellData;
  current: { workspaceId: string; creatorId: string | null; role: Role };
};

/** Settings belong to the person, not to a creator: the shell around them shows the creator the
 * user opened last (so the menu and the way back stay where they were), else their first
 * workspace. Null: no workspace at all (the welcome page). */
export async function loadSettingsFrame(userId: string): Promise<SettingsFrame | null> {
  const [shell, user] = await Promise.all([
    loadShell(userId),
    db.user.findUnique({ where: { id: userId }, select: { lastCreatorId: true } }),
  ]);
  const creator = shell.creators.find((c) => c.id === user?.lastCreatorId) ?? shell.creators[0];
  if (creator)
    return { shell, current: { workspaceId: creator.workspaceId, creatorId: creator.id, role: creator.role } };
  const ws = shell.workspaces[0];
  return ws ? { shell, current: { workspaceId: ws.id, creatorId: null, role: ws.role } } : null;
}
