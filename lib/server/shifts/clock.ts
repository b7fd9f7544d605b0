import "server-only";
import type { Shift } from "@/generated/prisma/client";
import type { CurrentShift, ShiftRow } from "@/lib/schemas/payouts";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";

// Clocking in and out. One open shift per member per workspace (checked under
// an advisory lock on the member, so two quick clock-ins cannot both pass).
// Activity is the member's sends through Vuedeck (ChatSend.senderUserId,
// sentAt) and the app's heartbeat (lastSeenAt, every minute while the tab is
// visible); a shift idle for the workspace's idle time ends at its last
// activity, not when someone noticed.

/** The issue's default: half an hour without a send or a visible tab. */
export const DEFAULT_IDLE_MINUTES = 30;

export async function idleMinutesOf(workspaceId: string): Promise<number> {
  const s = await db.shiftSettings.findUnique({ where: { workspaceId } });
  return s?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
}

export async function setIdleMinutes(workspaceId: string, idleMinutes: number) {
  await db.shiftSettings.upsert({
    where: { workspaceId },
    create: { workspaceId, idleMinutes },
    update: { idleMinutes },
  });
  return { idleMinutes };
}

/** The later of the last heartbeat and the member's last send in the workspace since the shift began. */
export async function lastActivityOf(shift: Shift): Promise<Date> {
  const rows = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT max(cs."sentAt") AS at
    FROM "ChatSend" cs JOIN "Creator" c ON c.id = cs."creatorId"
    WHERE c."workspaceId" = ${shift.workspaceId} AND cs."senderUserId" = ${shift.userId}
      AND cs.status = 'sent' AND cs."sentAt" >= ${shift.startedAt}`;
  const sent = rows[0]?.at ?? null;
  return sent && sent > shift.lastSeenAt ? sent : shift.lastSeenAt;
}

/** Closes an open shift idle for `idleMinutes` at its last activity; true when it did. */
export async function closeIfIdle(shift: Shift, idleMinutes: number, now = Date.now()): Promise<boolean> {
  if (shift.endedAt) return false;
  const last = await lastActivityOf(shift);
  if (now - last.getTime() < idleMinutes * 60_000) return false;
  const r = await db.shift.updateMany({
    where: { id: shift.id, endedAt: null },
    data: { endedAt: last, endReason: "idle" },
  });
  return r.count === 1;
}

export function toShiftRow(s: Shift, start = -Infinity, end = Infinity, now = Date.now()): ShiftRow {
  const from = Math.max(s.startedAt.getTime(), start);
  const to = Math.min(s.endedAt?.getTime() ?? now, end);
  return {
    id: s.id,
    userId: s.userId,
    userName: s.userName,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
    endReason: (s.endReason as ShiftRow["endReason"]) ?? null,
    minutes: Math.max(0, Math.floor((to - from) / 60_000)),
    corrected: s.correctedAt
      ? { at: s.correctedAt.toISOString(), by: s.correctedByName ?? "", reason: s.correctReason ?? "" }
      : null,
  };
}

const openShift = (workspaceId: string, userId: string) =>
  db.shift.findFirst({ where: { workspaceId, userId, endedAt: null }, orderBy: { startedAt: "desc" } });

/** The member's open shift, after closing it if it went idle. */
async function liveOpenShift(workspaceId: string, userId: string): Promise<Shift | null> {
  const open = await openShift(workspaceId, userId);
  if (!open) return null;
  return (await closeIfIdle(open, await idleMinutesOf(workspaceId))) ? null : open;
}

export async function currentShift(access: WorkspaceAccess, userId: string): Promise<CurrentShift> {
  const shift = await liveOpenShift(access.workspace.id, userId);
  return {
    canClock: hasPermission(access, "chats:send"),
    shift: shift ? toShiftRow(shift) : null,
    idleMinutes: await idleMinutesOf(access.workspace.id),
  };
}

export async function clockIn(access: WorkspaceAccess, user: { id: string; name: string }) {
  const workspaceId = access.workspace.id;
  await liveOpenShift(workspaceId, user.id);
  const shift = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`shift:${workspaceId}:${user.id}`}))`;
    const open = await tx.shift.findFirst({ where: { workspaceId, userId: user.id, endedAt: null } });
    if (open)
      throw new ApiError(
        "conflict",
        `You are already clocked in: shift ${open.id}, started ${open.startedAt.toISOString()}. Clock out first.`,
      );
    const now = new Date();
    return tx.shift.create({
      data: { workspaceId, userId: user.id, userName: user.name, startedAt: now, lastSeenAt: now },
    });
  });
  return { shift: toShiftRow(shift) };
}

export async function clockOut(access: WorkspaceAccess, userId: string) {
  const workspaceId = access.workspace.id;
  const open = await openShift(workspaceId, userId);
  if (!open) throw new ApiError("conflict", "You are not clocked in.");
  if (await closeIfIdle(open, await idleMinutesOf(workspaceId))) {
    return { shift: toShiftRow((await db.shift.findUnique({ where: { id: open.id } }))!) };
  }
  const shift = await db.shift.update({
    where: { id: open.id },
    data: { endedAt: new Date(), endReason: "clock_out" },
  });
  return { shift: toShiftRow(shift) };
}

/** The app's "still here" while the member is clocked in and the tab is visible. */
export async function heartbeat(access: WorkspaceAccess, userId: string): Promise<CurrentShift> {
  const open = await liveOpenShift(access.workspace.id, userId);
  if (open) await db.shift.update({ where: { id: open.id }, data: { lastSeenAt: new Date() } });
  return currentShift(access, userId);
}

/** The sweeper: every open shift (of one workspace, or all) past its workspace's idle time ends at its last activity. */
export async function closeIdleShifts(now = Date.now(), workspaceId?: string): Promise<number> {
  const open = await db.shift.findMany({ where: { endedAt: null, ...(workspaceId ? { workspaceId } : {}) } });
  const idle = new Map<string, number>();
  let closed = 0;
  for (const s of open) {
    if (!idle.has(s.workspaceId)) idle.set(s.workspaceId, await idleMinutesOf(s.workspaceId));
    if (await closeIfIdle(s, idle.get(s.workspaceId)!, now)) closed += 1;
  }
  return closed;
}
