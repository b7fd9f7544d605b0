import "server-only";
import type { ChatRow } from "@/lib/schemas/chats";
import { can } from "@/lib/schemas/permissions";
import { db } from "@/lib/server/db";
import type { WorkspaceAccess } from "@/lib/server/workspaces/access";
import { CLAIM_IDLE_MS } from "./claims";

// The inbox rows' badge: who else holds each chat (lib/server/chats/claims.ts
// has the rules). Added after the page is built, outside any cache, so a
// claim shows on the next refetch of the list.

/** `rows` with `holder` set where a member other than `you` holds the chat. */
export async function withHolders<R extends ChatRow>(
  access: WorkspaceAccess,
  rows: R[],
  you: string | undefined,
  creatorOf: (r: R) => string,
): Promise<R[]> {
  if (!you || rows.length === 0) return rows;
  const claims = await db.chatClaim.findMany({
    where: {
      OR: rows.map((r) => ({ creatorId: creatorOf(r), fanUuid: r.fanUuid })),
      userId: { not: you },
      AND: [{ OR: [{ assignedById: { not: null } }, { lastActiveAt: { gt: new Date(Date.now() - CLAIM_IDLE_MS) } }] }],
    },
  });
  if (claims.length === 0) return rows;
  const members = await db.membership.findMany({
    where: { workspaceId: access.workspace.id, userId: { in: [...new Set(claims.map((c) => c.userId))] } },
    include: { creators: { select: { creatorId: true } } },
  });
  // A former member, or one who no longer works on the creator, holds nothing.
  const works = (userId: string, creatorId: string) =>
    members.some(
      (m) =>
        m.userId === userId &&
        can(m.role, "chats:send") &&
        (m.allCreators || m.creators.some((c) => c.creatorId === creatorId)),
    );
  const held = new Map(
    claims
      .filter((c) => works(c.userId, c.creatorId))
      .map((c) => [`${c.creatorId}:${c.fanUuid}`, { name: c.userName, assigned: c.assignedById !== null }]),
  );
  return rows.map((r) => {
    const h = held.get(`${creatorOf(r)}:${r.fanUuid}`);
    return h ? { ...r, holder: h } : r;
  });
}
