import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ChatOwnership, PresenceState } from "@/lib/schemas/chat-claims";
import { can, type Role } from "@/lib/schemas/permissions";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { hasPermission, type CreatorAccess } from "@/lib/server/workspaces/access";

// Chat ownership: one holder per chat, so two members never answer the same
// fan at once. Nothing here blocks a send; the composer warns instead.
//
// A member's own claim lapses after CLAIM_IDLE_MS without activity by the
// holder (a heartbeat from the open conversation, a send): a chatter who
// closes the chat, goes on a break or ends a shift frees the fan for the
// next one without remembering to release it. A manager's assignment is a
// decision about who answers, so it does not lapse: it stands until it is
// released or reassigned. A holder who is no longer a member (or no longer
// works on this creator) holds nothing. Lapsed rows are left in place and
// judged at read time, so no timer has to clean up.

/** Chatters answer several fans in turn and fans take minutes to reply: a
 * claim survives that, but not a holder who has been away for a quarter hour. */
export const CLAIM_IDLE_MS = 15 * 60_000;
/** The conversation sends a heartbeat every 10 s while open and visible: three
 * missed beats and the member no longer counts as present. */
export const PRESENCE_FRESH_MS = 30_000;
/** "Typing" is refreshed on keystrokes (at most every 3 s) and by the 10 s beat. */
export const TYPING_FRESH_MS = 12_000;

type Actor = { id: string; name: string };
type Member = { userId: string; name: string; role: Role };

/** Members who may answer this creator's chats (chats:send, and the creator in their scope). */
async function chatMembers(access: CreatorAccess): Promise<Member[]> {
  const rows = await db.membership.findMany({
    where: {
      workspaceId: access.workspace.id,
      OR: [{ allCreators: true }, { creators: { some: { creatorId: access.creator.id } } }],
    },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .filter((m) => can(m.role, "chats:send"))
    .map((m) => ({ userId: m.userId, name: m.user.name ?? m.user.email ?? "Member", role: m.role }));
}

type ClaimRow = NonNullable<Awaited<ReturnType<typeof db.chatClaim.findUnique>>>;

/** The claim, if it still holds: an assignment, or a claim with recent activity by a current member. */
function isHeld(c: ClaimRow | null, memberIds: Set<string>, now: number): c is ClaimRow {
  if (!c || !memberIds.has(c.userId)) return false;
  return c.assignedById !== null || c.lastActiveAt.getTime() > now - CLAIM_IDLE_MS;
}

const claimKey = (access: CreatorAccess, fanUuid: string) => ({
  creatorId_fanUuid: { creatorId: access.creator.id, fanUuid },
});

/** Who holds the chat and who has it open, as the caller sees it. */
export async function getOwnership(access: CreatorAccess, fanUuid: string, you: string): Promise<ChatOwnership> {
  const now = Date.now();
  const [claim, presence, members] = await Promise.all([
    db.chatClaim.findUnique({ where: claimKey(access, fanUuid) }),
    db.chatPresence.findMany({
      where: { creatorId: access.creator.id, fanUuid, seenAt: { gt: new Date(now - PRESENCE_FRESH_MS) } },
      orderBy: { seenAt: "desc" },
    }),
    chatMembers(access),
  ]);
  const ids = new Set(members.map((m) => m.userId));
  const canAssign = hasPermission(access, "chats:assign");
  return {
    holder: isHeld(claim, ids, now)
      ? {
          userId: claim.userId,
          name: claim.userName,
          claimedAt: claim.claimedAt.toISOString(),
          lastActiveAt: claim.lastActiveAt.toISOString(),
          assignedBy: claim.assignedByName,
          lapsesAt: claim.assignedById ? null : new Date(claim.lastActiveAt.getTime() + CLAIM_IDLE_MS).toISOString(),
        }
      : null,
    present: presence
      .filter((p) => p.userId !== you && ids.has(p.userId))
      .map((p) => ({
        userId: p.userId,
        name: p.userName,
        state: (p.state === "typing" && p.seenAt.getTime() > now - TYPING_FRESH_MS
          ? "typing"
          : "viewing") as PresenceState,
        seenAt: p.seenAt.toISOString(),
      })),
    you,
    canAssign,
    members: canAssign ? members.map(({ userId, name }) => ({ userId, name })) : [],
  };
}

/** Takes the chat for `actor` when `replace` (SQL over the current row) allows;
 * atomic, so two members claiming at once cannot both win. True if it holds. */
async function upsertClaim(access: CreatorAccess, fanUuid: string, actor: Actor, replace: Prisma.Sql) {
  const now = new Date();
  const rows = await db.$queryRaw<{ userId: string }[]>`
    INSERT INTO "ChatClaim" ("creatorId", "fanUuid", "userId", "userName", "claimedAt", "lastActiveAt")
    VALUES (${access.creator.id}, ${fanUuid}, ${actor.id}, ${actor.name}, ${now}, ${now})
    ON CONFLICT ("creatorId", "fanUuid") DO UPDATE SET
      "userId" = EXCLUDED."userId",
      "userName" = EXCLUDED."userName",
      "lastActiveAt" = EXCLUDED."lastActiveAt",
      "claimedAt" = CASE WHEN "ChatClaim"."userId" = EXCLUDED."userId" THEN "ChatClaim"."claimedAt" ELSE EXCLUDED."claimedAt" END,
      "assignedById" = CASE WHEN "ChatClaim"."userId" = EXCLUDED."userId" THEN "ChatClaim"."assignedById" END,
      "assignedByName" = CASE WHEN "ChatClaim"."userId" = EXCLUDED."userId" THEN "ChatClaim"."assignedByName" END
    WHERE "ChatClaim"."userId" = EXCLUDED."userId" OR ${replace}
    RETURNING "userId"`;
  return rows.length === 1;
}

/** The row as read now, and its holder when that is someone else than `userId` and it still holds. */
async function readClaim(access: CreatorAccess, fanUuid: string, userId: string) {
  const [claim, members] = await Promise.all([
    db.chatClaim.findUnique({ where: claimKey(access, fanUuid) }),
    chatMembers(access),
  ]);
  const held = isHeld(claim, new Set(members.map((m) => m.userId)), Date.now());
  return { claim, other: held && claim.userId !== userId ? claim : null };
}

/** Replace the row only if it is still the one read (nobody claimed or beat in between). */
const unchanged = (c: ClaimRow | null) =>
  c
    ? Prisma.sql`("ChatClaim"."userId" = ${c.userId} AND "ChatClaim"."lastActiveAt" = ${c.lastActiveAt})`
    : Prisma.sql`FALSE`;

/** Claims the chat; a fresh claim by someone else is a conflict naming them,
 * unless the caller may assign and takes it over. Returns who it was taken from. */
export async function claimChat(access: CreatorAccess, actor: Actor, fanUuid: string, takeOver = false) {
  const { claim, other } = await readClaim(access, fanUuid, actor.id);
  const force = takeOver && hasPermission(access, "chats:assign");
  if (other && !force)
    throw new ApiError(
      "conflict",
      other.assignedById
        ? `This chat is assigned to ${other.userName}.`
        : `${other.userName} is answering this fan. Ask them or a manager before taking it.`,
    );
  // A manager's takeover wins; otherwise only a free chat (as read) is taken.
  const ok = await upsertClaim(access, fanUuid, actor, force ? Prisma.sql`TRUE` : unchanged(claim));
  if (!ok) throw new ApiError("conflict", "Someone else claimed this chat just now.");
  return { from: other?.userName ?? null };
}

/** Releases the chat: the holder, or a manager for anyone. Releasing a free chat is a no-op. */
export async function releaseChat(access: CreatorAccess, actor: Actor, fanUuid: string) {
  const { claim, other } = await readClaim(access, fanUuid, actor.id);
  if (other && !hasPermission(access, "chats:assign"))
    throw new ApiError("conflict", `${other.userName} holds this chat; only they or a manager can release it.`);
  if (!claim) return { from: null };
  await db.chatClaim.deleteMany({ where: { creatorId: access.creator.id, fanUuid } });
  return { from: claim.userName };
}

/** A manager gives the chat to a member who answers this creator's chats; it does not lapse. */
export async function assignChat(access: CreatorAccess, actor: Actor, fanUuid: string, userId: string) {
  const member = (await chatMembers(access)).find((m) => m.userId === userId);
  if (!member)
    throw new ApiError("invalid_input", "Pick a member who answers this creator's chats.", { field: "userId" });
  const before = await db.chatClaim.findUnique({ where: claimKey(access, fanUuid) });
  const now = new Date();
  const data = {
    userId,
    userName: member.name,
    claimedAt: now,
    lastActiveAt: now,
    assignedById: actor.id,
    assignedByName: actor.name,
  };
  await db.chatClaim.upsert({
    where: claimKey(access, fanUuid),
    create: { creatorId: access.creator.id, fanUuid, ...data },
    update: data,
  });
  return { from: before?.userName ?? null, to: member.name };
}

/** The open conversation's beat: the member is present (viewing or typing),
 * and a holder's beat keeps their claim alive. */
export async function heartbeat(access: CreatorAccess, actor: Actor, fanUuid: string, state: PresenceState) {
  const now = new Date();
  const key = { creatorId: access.creator.id, fanUuid, userId: actor.id };
  await db.chatPresence.upsert({
    where: { creatorId_fanUuid_userId: key },
    create: { ...key, userName: actor.name, state, seenAt: now },
    update: { userName: actor.name, state, seenAt: now },
  });
  await db.chatClaim.updateMany({ where: key, data: { lastActiveAt: now } });
}

/** A send through Vuedeck: the sender now answers this fan. They take a free
 * chat or another member's claim (they were warned and sent anyway), never a
 * manager's assignment of it to someone else. Never fails the send. */
export async function touchClaimOnSend(access: CreatorAccess, actor: Actor, fanUuid: string) {
  try {
    const { claim, other } = await readClaim(access, fanUuid, actor.id);
    if (other?.assignedById) return;
    await upsertClaim(access, fanUuid, actor, unchanged(claim));
  } catch (err) {
    console.error(`[claims] ${access.creator.id}/${fanUuid}: could not record the sender's claim:`, err);
  }
}
