import "server-only";
import { db } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import type { Role } from "@/lib/schemas/permissions";
import { CREATOR_SCOPE_MESSAGE } from "@/lib/schemas/team";
import { accessChanged, accessChangeRow } from "@/lib/server/live/access-change";

export async function listMembers(workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    include: {
      user: { select: { id: true, name: true, handle: true, image: true } },
      creators: { select: { creatorId: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    id: m.id,
    userId: m.user.id,
    name: m.user.name ?? m.user.handle ?? "Member",
    handle: m.user.handle,
    image: m.user.image,
    role: m.role,
    allCreators: m.allCreators,
    creatorIds: m.creators.map((c) => c.creatorId),
    joinedAt: m.createdAt.toISOString(),
  }));
}

export type MemberUpdate = { role?: Exclude<Role, "owner">; allCreators?: boolean; creatorIds?: string[] };

/** Changes a member's role or creator scope. The owner's seat is not editable
 * here (no one can be promoted to owner, and the owner cannot be demoted). */
export async function updateMember(workspaceId: string, memberId: string, change: MemberUpdate) {
  const m = await db.membership.findFirst({ where: { id: memberId, workspaceId } });
  if (!m) throw new ApiError("not_found", "Member not found.");
  if (m.role === "owner") throw new ApiError("forbidden", "The owner's role and access cannot be changed.");
  const allCreators = change.allCreators ?? m.allCreators;
  let creatorIds: string[] | undefined;
  if (!allCreators) {
    creatorIds =
      change.creatorIds ??
      (await db.membershipCreator.findMany({ where: { membershipId: m.id } })).map((c) => c.creatorId);
    const valid = await db.creator.count({ where: { workspaceId, removedAt: null, id: { in: creatorIds } } });
    if (creatorIds.length === 0 || valid !== new Set(creatorIds).size) {
      throw new ApiError("invalid_input", "Pick at least one creator of this workspace.", { field: "creatorIds" });
    }
  }
  if ((change.role ?? m.role) === "creator" && (allCreators || new Set(creatorIds).size !== 1))
    throw new ApiError("invalid_input", CREATOR_SCOPE_MESSAGE, { field: "creatorIds" });
  const notice = { userId: m.userId, workspaceId, reason: "scope" } as const;
  await db.$transaction([
    db.membership.update({ where: { id: m.id }, data: { role: change.role ?? m.role, allCreators } }),
    db.membershipCreator.deleteMany({ where: { membershipId: m.id } }),
    ...(creatorIds
      ? [
          db.membershipCreator.createMany({
            data: [...new Set(creatorIds)].map((creatorId) => ({ membershipId: m.id, creatorId })),
          }),
        ]
      : []),
    // A narrower scope or a role without chats:read ends what the member's open streams may show.
    accessChangeRow(notice),
  ]);
  accessChanged(notice);
  return { id: m.id, role: change.role ?? m.role, allCreators, creatorIds: creatorIds ?? [] };
}

/** Removes a member; their next request is refused (memberships are read on
 * every request) and their open live streams end at once. */
export async function removeMember(workspaceId: string, memberId: string) {
  const m = await db.membership.findFirst({ where: { id: memberId, workspaceId } });
  if (!m) throw new ApiError("not_found", "Member not found.");
  if (m.role === "owner") throw new ApiError("forbidden", "The owner cannot be removed.");
  const notice = { userId: m.userId, workspaceId, reason: "membership" } as const;
  await db.$transaction([db.membership.delete({ where: { id: m.id } }), accessChangeRow(notice)]);
  accessChanged(notice);
  return { removed: m.id };
}
