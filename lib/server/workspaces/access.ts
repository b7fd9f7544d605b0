import "server-only";
import { db } from "@/lib/server/db";
import type { Permission, Role } from "@/lib/schemas/permissions";
import { can } from "@/lib/schemas/permissions";
import type { AccessibleCreator, CreatorSummary } from "@/lib/schemas/shell";

export type { AccessibleCreator };

// Who may act on what. Every lookup is scoped by the user's memberships, so an
// object outside them is indistinguishable from one that does not exist.

export type WorkspaceAccess = {
  workspace: { id: string; kind: "creator" | "agency"; name: string; connectionId: string };
  membership: { id: string; role: Role; allCreators: boolean; creatorIds: string[] };
};

export type CreatorAccess = WorkspaceAccess & {
  creator: CreatorSummary;
};

const membershipInclude = { workspace: true, creators: { select: { creatorId: true } } } as const;

function toAccess(m: {
  id: string;
  role: Role;
  allCreators: boolean;
  creators: { creatorId: string }[];
  workspace: WorkspaceAccess["workspace"];
}): WorkspaceAccess {
  return {
    workspace: {
      id: m.workspace.id,
      kind: m.workspace.kind,
      name: m.workspace.name,
      connectionId: m.workspace.connectionId,
    },
    membership: { id: m.id, role: m.role, allCreators: m.allCreators, creatorIds: m.creators.map((c) => c.creatorId) },
  };
}

export async function getWorkspaceAccess(userId: string, workspaceId: string): Promise<WorkspaceAccess | null> {
  const m = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    include: membershipInclude,
  });
  return m ? toAccess(m) : null;
}

/** The creator, if it is active and inside the member's scope; else null. */
export async function getCreatorAccess(userId: string, creatorId: string): Promise<CreatorAccess | null> {
  const creator = await db.creator.findUnique({ where: { id: creatorId } });
  if (!creator || creator.removedAt) return null;
  const access = await getWorkspaceAccess(userId, creator.workspaceId);
  if (!access) return null;
  if (!access.membership.allCreators && !access.membership.creatorIds.includes(creator.id)) return null;
  return {
    ...access,
    creator: {
      id: creator.id,
      fanvueUuid: creator.fanvueUuid,
      handle: creator.handle,
      displayName: creator.displayName,
      avatarUrl: creator.avatarUrl,
    },
  };
}

/** Every creator the user may open, grouped by workspace order. */
export async function listAccessibleCreators(userId: string): Promise<AccessibleCreator[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    include: {
      workspace: { include: { creators: { where: { removedAt: null }, orderBy: { displayName: "asc" } } } },
      creators: true,
    },
    orderBy: { createdAt: "asc" },
  });
  return memberships.flatMap((m) => {
    const allowed = new Set(m.creators.map((c) => c.creatorId));
    return m.workspace.creators
      .filter((c) => m.allCreators || allowed.has(c.id))
      .map((c) => ({
        id: c.id,
        fanvueUuid: c.fanvueUuid,
        handle: c.handle,
        displayName: c.displayName,
        avatarUrl: c.avatarUrl,
        workspaceId: m.workspace.id,
        workspaceName: m.workspace.name,
        workspaceKind: m.workspace.kind,
        role: m.role,
      }));
  });
}

/** The one filter for "creators this member may see" in a workspace: every
 * query that lists creators (or their data) for a member starts from it. */
export function scopedCreatorWhere(access: WorkspaceAccess) {
  return {
    workspaceId: access.workspace.id,
    removedAt: null,
    ...(access.membership.allCreators ? {} : { id: { in: access.membership.creatorIds } }),
  };
}

/** The ids of the creators this member may see (workspace-wide reports). */
export async function scopedCreatorIds(access: WorkspaceAccess): Promise<string[]> {
  const creators = await db.creator.findMany({ where: scopedCreatorWhere(access), select: { id: true } });
  return creators.map((c) => c.id);
}

export const hasPermission = (access: WorkspaceAccess, permission: Permission) =>
  can(access.membership.role, permission);

const sharedCache = new Map<string, { shared: boolean; until: number }>();
/** More than one member in the workspace: its creators' Fanvue budgets are
 * shared, and each member's reads are held to a share (limiter-shares.ts).
 * Cached for 30 s: a member who joins is counted within half a minute. */
export async function workspaceIsShared(workspaceId: string): Promise<boolean> {
  const now = Date.now();
  const hit = sharedCache.get(workspaceId);
  if (hit && hit.until > now) return hit.shared;
  const shared = (await db.membership.count({ where: { workspaceId }, take: 2 })) > 1;
  if (sharedCache.size > 10_000) sharedCache.clear();
  sharedCache.set(workspaceId, { shared, until: now + 30_000 });
  return shared;
}
