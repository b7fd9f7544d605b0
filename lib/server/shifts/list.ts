import "server-only";
import type { ShiftCorrection, ShiftsPage, ShiftsQuery } from "@/lib/schemas/payouts";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { onlyOwn, resolvePeriod, visibleMembers } from "@/lib/server/payouts/scope";
import { hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";
import { closeIdleShifts, idleMinutesOf, toShiftRow } from "./clock";

// The shift calendar and hours per member for a range (minutes inside the
// range; an open shift counts up to now), and a manager's correction.

export async function listShifts(access: WorkspaceAccess, viewerId: string, q: ShiftsQuery): Promise<ShiftsPage> {
  const workspaceId = access.workspace.id;
  // The calendar never shows as open a shift the sweeper would close at its next tick.
  await closeIdleShifts(Date.now(), workspaceId);
  const period = await resolvePeriod(workspaceId, { ...q, range: q.range });
  const own = onlyOwn(access, viewerId);
  const who = own ?? q.member;
  const rows = await db.shift.findMany({
    where: {
      workspaceId,
      ...(who ? { userId: who } : {}),
      startedAt: { lt: period.end },
      OR: [{ endedAt: null }, { endedAt: { gt: period.start } }],
    },
    orderBy: { startedAt: "asc" },
  });
  const shifts = rows.map((s) => toShiftRow(s, period.start.getTime(), period.end.getTime()));
  const members = (await visibleMembers(access, viewerId))
    .filter((m) => !who || m.userId === who)
    .map((m) => ({
      userId: m.userId,
      name: m.name,
      minutes: shifts.filter((s) => s.userId === m.userId).reduce((sum, s) => sum + s.minutes, 0),
    }));
  return {
    range: {
      from: period.from,
      to: period.to,
      tz: period.tz,
      startUtc: period.startUtc,
      endUtc: period.endUtc,
      partial: period.partial,
    },
    scope: own ? "own" : "all",
    members,
    shifts,
    idleMinutes: await idleMinutesOf(workspaceId),
    canCorrect: hasPermission(access, "payouts:manage"),
    canSetIdle: hasPermission(access, "team:manage"),
  };
}

/** A manager's correction of a shift's start and end; the reason is kept and audited. */
export async function correctShift(
  access: WorkspaceAccess,
  actor: { id: string; name: string },
  shiftId: string,
  body: ShiftCorrection,
) {
  const shift = await db.shift.findUnique({ where: { id: shiftId } });
  if (!shift || shift.workspaceId !== access.workspace.id) throw new ApiError("not_found", "No such shift.");
  const endedAt = new Date(body.endedAt);
  if (endedAt.getTime() > Date.now() + 60_000)
    throw new ApiError("invalid_input", "endedAt cannot be in the future", { field: "endedAt" });
  const updated = await db.shift.update({
    where: { id: shiftId },
    data: {
      startedAt: new Date(body.startedAt),
      endedAt,
      endReason: shift.endReason ?? "corrected",
      correctedAt: new Date(),
      correctedByUserId: actor.id,
      correctedByName: actor.name,
      correctReason: body.reason,
    },
  });
  return {
    shift: toShiftRow(updated),
    before: { startedAt: shift.startedAt.toISOString(), endedAt: shift.endedAt?.toISOString() ?? null },
    member: shift.userName,
  };
}
