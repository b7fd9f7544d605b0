import "server-only";
import type { Creator, Workspace } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

// The creator as background work knows it: no member, only the creator and
// its workspace (whose connection every Fanvue call goes through). What
// `clientForCreator` and the fan/chat/mass code take.

export type CreatorRef = Pick<CreatorAccess, "workspace" | "creator">;

/** The reference of a creator row loaded with its workspace. */
export const toCreatorRef = (c: Creator & { workspace: Workspace }): CreatorRef => ({
  workspace: {
    id: c.workspace.id,
    kind: c.workspace.kind,
    name: c.workspace.name,
    connectionId: c.workspace.connectionId,
  },
  creator: { id: c.id, fanvueUuid: c.fanvueUuid, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl },
});

/** A creator's reference for background work; null when it is gone or removed. */
export async function loadCreatorRef(creatorId: string): Promise<CreatorRef | null> {
  const c = await db.creator.findUnique({ where: { id: creatorId }, include: { workspace: true } });
  return c && !c.removedAt ? toCreatorRef(c) : null;
}
