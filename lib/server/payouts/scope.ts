import "server-only";
import type { EarningsQuery } from "@/lib/schemas/earnings";
import type { PeriodQuery } from "@/lib/schemas/payouts";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { resolveRange } from "@/lib/server/earnings/report";
import { can } from "@/lib/schemas/permissions";
import { hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";

// Who may see whose pay and shifts: a member who may see earnings over every
// creator of the workspace sees everyone's (a statement spans all creators);
// anyone else (a chatter, a member scoped to some creators) only their own,
// enforced here for every payouts and shifts read.

export const onlyOwn = (access: WorkspaceAccess, userId: string): string | null =>
  hasPermission(access, "earnings:read") && access.membership.allCreators ? null : userId;

/** A member of the workspace the viewer may see; another's for a chatter is refused. */
export async function visibleMember(access: WorkspaceAccess, viewerId: string, memberId: string) {
  const own = onlyOwn(access, viewerId);
  if (own && own !== memberId) throw new ApiError("forbidden", "You can see only your own pay and shifts.");
  const m = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: access.workspace.id, userId: memberId } },
    select: { userId: true, role: true, user: { select: { name: true, email: true } } },
  });
  if (!m) throw new ApiError("not_found", "No such member in this workspace.");
  return { userId: m.userId, role: m.role, name: m.user.name ?? m.user.email ?? "Member" };
}

/** Members who work the inbox (and so clock in and earn commission), that the viewer may see
 * (only themselves for a chatter), by name. Viewers and a creator's read-only seat are not staff to pay. */
export async function visibleMembers(access: WorkspaceAccess, viewerId: string) {
  const own = onlyOwn(access, viewerId);
  const rows = await db.membership.findMany({
    where: { workspaceId: access.workspace.id, ...(own ? { userId: own } : {}) },
    select: { userId: true, role: true, user: { select: { name: true, email: true } } },
  });
  return rows
    .filter((m) => can(m.role, "chats:send"))
    .map((m) => ({ userId: m.userId, role: m.role, name: m.user.name ?? m.user.email ?? "Member" }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The period in the viewer's zone over the workspace's creators (pay covers every creator). */
export async function resolvePeriod(workspaceId: string, q: PeriodQuery) {
  const creators = await db.creator.findMany({ where: { workspaceId }, select: { id: true } });
  const query = { ...q, granularity: "day", sources: [] } as unknown as EarningsQuery;
  const r = await resolveRange(
    query,
    creators.map((c) => c.id),
  );
  return {
    from: r.from,
    to: r.to,
    tz: r.tz,
    startUtc: r.startUtc,
    endUtc: r.endUtc,
    partial: r.partial,
    preset: q.range,
    start: new Date(r.startMs),
    end: new Date(r.endMs),
  };
}
