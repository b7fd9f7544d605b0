import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { invalidateAccess } from "@/lib/server/access-cache";
import { db } from "@/lib/server/db";
import { env } from "@/lib/env.mjs";
import { ApiError } from "@/lib/server/api/errors";
import type { Role } from "@/lib/schemas/permissions";
import type { InviteAccepted, InvitePreview, InviteView } from "@/lib/schemas/team";
import { recordAudit } from "./audit";

// Expiring, single-use invite links. Only the token's hash is stored: a
// database leak does not hand out seats.

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
export const inviteUrl = (token: string) => `${env.APP_URL}/invite/${token}`;

export type InviteInput = {
  role: Exclude<Role, "owner">;
  allCreators: boolean;
  creatorIds: string[];
  expiresInDays: number;
  note?: string;
};

export async function createInvite(workspaceId: string, createdById: string, input: InviteInput) {
  if (!input.allCreators) {
    const found = await db.creator.count({ where: { workspaceId, removedAt: null, id: { in: input.creatorIds } } });
    if (input.creatorIds.length === 0 || found !== new Set(input.creatorIds).size) {
      throw new ApiError("invalid_input", "Pick at least one creator of this workspace.", { field: "creatorIds" });
    }
  }
  const token = randomBytes(32).toString("base64url");
  const invite = await db.invite.create({
    data: {
      workspaceId,
      tokenHash: hash(token),
      role: input.role,
      allCreators: input.allCreators,
      creatorIds: input.allCreators ? [] : [...new Set(input.creatorIds)],
      note: input.note ?? null,
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      createdById,
    },
  });
  return { invite, url: inviteUrl(token) };
}

export async function listInvites(workspaceId: string): Promise<InviteView[]> {
  const rows = await db.invite.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" }, take: 100 });
  const now = Date.now();
  return rows.map((i) => ({
    id: i.id,
    role: i.role,
    allCreators: i.allCreators,
    creatorIds: i.creatorIds,
    note: i.note,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    status: i.usedAt ? "used" : i.revokedAt ? "revoked" : i.expiresAt.getTime() <= now ? "expired" : "pending",
  }));
}

export async function revokeInvite(workspaceId: string, inviteId: string) {
  const res = await db.invite.updateMany({
    where: { id: inviteId, workspaceId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (res.count === 0) throw new ApiError("not_found", "No pending invite with that id.");
}

async function findUsable(token: string) {
  const invite = await db.invite.findUnique({ where: { tokenHash: hash(token) }, include: { workspace: true } });
  // One answer for unknown, used, revoked and expired: an invite link either
  // works or it does not; nothing else leaks.
  if (!invite || invite.usedAt || invite.revokedAt || invite.expiresAt.getTime() <= Date.now()) {
    throw new ApiError("not_found", "This invite link is invalid or has expired. Ask for a new one.");
  }
  return invite;
}

export async function previewInvite(token: string): Promise<InvitePreview> {
  const invite = await findUsable(token);
  const creators: "all" | string[] = invite.allCreators
    ? "all"
    : (
        await db.creator.findMany({
          where: { id: { in: invite.creatorIds }, removedAt: null },
          select: { displayName: true },
        })
      ).map((c) => c.displayName);
  return {
    workspaceName: invite.workspace.name,
    role: invite.role,
    creators,
    expiresAt: invite.expiresAt.toISOString(),
  };
}

export async function acceptInvite(token: string, user: { id: string; name: string }): Promise<InviteAccepted> {
  const invite = await findUsable(token);
  const existing = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId: user.id } },
  });
  if (existing) throw new ApiError("conflict", "You are already a member of this workspace.");
  const accepted = await db.$transaction(async (tx) => {
    // Single use, even when two people open the link at once.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null },
      data: { usedAt: new Date(), usedByUserId: user.id },
    });
    if (claimed.count !== 1)
      throw new ApiError("not_found", "This invite link is invalid or has expired. Ask for a new one.");
    const creators = invite.allCreators
      ? []
      : await tx.creator.findMany({ where: { id: { in: invite.creatorIds }, removedAt: null }, select: { id: true } });
    const membership = await tx.membership.create({
      data: {
        workspaceId: invite.workspaceId,
        userId: user.id,
        role: invite.role,
        allCreators: invite.allCreators,
        creators: { create: creators.map((c) => ({ creatorId: c.id })) },
      },
    });
    await tx.auditEvent.create({
      data: {
        workspaceId: invite.workspaceId,
        actorUserId: user.id,
        actorName: user.name,
        action: "invite.accept",
        target: invite.id,
        details: { role: invite.role },
      },
    });
    return { workspaceId: invite.workspaceId, membershipId: membership.id, firstCreatorId: creators[0]?.id ?? null };
  });
  // The new member's cached memberships (none in this workspace yet) go: the workspace opens at once.
  invalidateAccess({ userId: user.id });
  return accepted;
}

export { recordAudit };
