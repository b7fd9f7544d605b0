import "server-only";
import type { NotificationChoices, NotificationKind } from "@/lib/schemas/push";
import { can, type Permission } from "@/lib/schemas/permissions";
import { db } from "@/lib/server/db";
import { choicesOf } from "./choices";

// Who is told about what: a member of the creator's workspace whose scope
// includes the creator and whose role may see what the notification says
// (a tip's amount is earnings; a fan's message is chats), who has a device
// subscribed, and whose choices want it (the kind on, over its threshold,
// the creator not muted).

/** The permission each kind needs on the creator (lib/schemas/permissions.ts). */
export const KIND_PERMISSION: Record<NotificationKind, Permission> = {
  tip: "earnings:read",
  new_subscriber: "fans:read",
  whale_message: "chats:read",
  unanswered: "chats:read",
  automation_failure: "mass:send", // the automations' own permission
};

/** What the event says, for the thresholds. Unknown (null) never passes a threshold above zero. */
export type Facts = { amountCents?: number | null; lifetimeCents?: number | null };

/** Whether these choices want this notification about this creator. */
export function wants(c: NotificationChoices, kind: NotificationKind, creatorId: string, facts: Facts = {}): boolean {
  if (c.mutedCreatorIds.includes(creatorId)) return false;
  switch (kind) {
    case "tip":
      return c.tips && (c.tipMinCents === 0 || (facts.amountCents ?? 0) >= c.tipMinCents);
    case "new_subscriber":
      return c.newSubscribers;
    case "whale_message":
      return c.whaleMessages && facts.lifetimeCents != null && facts.lifetimeCents >= c.whaleMinCents;
    case "unanswered":
      return c.unanswered;
    case "automation_failure":
      return c.automationFailures;
  }
}

/** The users to tell about `kind` on `creatorId` (each once, whatever their memberships). */
export async function recipientsFor(creatorId: string, kind: NotificationKind, facts: Facts = {}): Promise<string[]> {
  const creator = await db.creator.findUnique({
    where: { id: creatorId },
    select: { workspaceId: true, removedAt: true },
  });
  if (!creator || creator.removedAt) return [];
  const members = await db.membership.findMany({
    where: {
      workspaceId: creator.workspaceId,
      OR: [{ allCreators: true }, { creators: { some: { creatorId } } }],
      user: { pushSubscriptions: { some: {} } },
    },
    select: { userId: true, role: true, user: { select: { notificationChoice: true } } },
  });
  const users = members.filter(
    (m) => can(m.role, KIND_PERMISSION[kind]) && wants(choicesOf(m.user.notificationChoice), kind, creatorId, facts),
  );
  return [...new Set(users.map((m) => m.userId))];
}

/** A fan's lifetime spend on a creator, in cents: Fanvue's own figure (the fan insight, as the
 * "big spenders" segment reads it) or, when larger or missing, what Vuedeck's ledger has. */
export async function lifetimeSpend(creatorId: string, fanUuid: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ cents: bigint | null }[]>`
    SELECT GREATEST(
      (SELECT i."totalGross"::bigint FROM "FanInsight" i WHERE i."creatorId" = ${creatorId} AND i."fanUuid" = ${fanUuid}),
      (SELECT ROUND(SUM(e.gross))::bigint FROM "EarningRow" e WHERE e."creatorId" = ${creatorId} AND e."fanUuid" = ${fanUuid})
    ) AS cents`;
  const cents = rows[0]?.cents;
  return cents === null || cents === undefined ? null : Number(cents);
}
