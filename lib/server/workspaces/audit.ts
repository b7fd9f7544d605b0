import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { WorkspaceAccess } from "./access";

export type AuditInput = {
  workspaceId: string;
  creatorId?: string | null;
  actor: { id: string; name: string } | null;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
};

/** Appends to the workspace's activity log. The actor's name is copied so
 * the log stays readable after a member is removed. */
export async function recordAudit(e: AuditInput) {
  await db.auditEvent.create({
    data: {
      workspaceId: e.workspaceId,
      creatorId: e.creatorId ?? null,
      actorUserId: e.actor?.id ?? null,
      actorName: e.actor?.name ?? "Vuedeck",
      action: e.action,
      target: e.target ?? null,
      details: (e.details ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

export type AuditQuery = { creatorId?: string; actorUserId?: string; action?: string; before?: Date; limit: number };

/** What a member may read of the log: everything for members over all
 * creators; a member scoped to some creators sees those creators' events and
 * their own, never workspace-wide events that may name other creators. */
function auditScope(access: WorkspaceAccess, userId: string): Prisma.AuditEventWhereInput {
  if (access.membership.allCreators) return {};
  return { OR: [{ creatorId: { in: access.membership.creatorIds } }, { actorUserId: userId }] };
}

export async function listAudit(access: WorkspaceAccess, userId: string, q: AuditQuery) {
  const rows = await db.auditEvent.findMany({
    where: {
      workspaceId: access.workspace.id,
      ...auditScope(access, userId),
      ...(q.creatorId ? { creatorId: q.creatorId } : {}),
      ...(q.actorUserId ? { actorUserId: q.actorUserId } : {}),
      ...(q.action ? { action: { startsWith: q.action } } : {}),
      ...(q.before ? { createdAt: { lt: q.before } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      actorUserId: r.actorUserId,
      actorName: r.actorName,
      action: r.action,
      creatorId: r.creatorId,
      target: r.target,
      details: r.details,
    })),
    nextBefore: rows.length > q.limit ? page.at(-1)!.createdAt.toISOString() : null,
  };
}
