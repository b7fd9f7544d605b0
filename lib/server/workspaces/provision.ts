import "server-only";
import { invalidateAccess } from "@/lib/server/access-cache";
import { db } from "@/lib/server/db";
import { requestEarningsSync } from "@/lib/server/earnings/jobs";
import { fanvueClient } from "@/lib/server/fanvue/client";
import { listManagedCreators } from "@/lib/server/fanvue/resources/creators";
import { accessChanged, accessChangeRow } from "@/lib/server/live/access-change";
import type { FanvueMe } from "@/lib/server/fanvue/schemas/users";
import { recordAudit } from "./audit";

// What a sign-in sets up. A creator gets a workspace for their own account
// (self routes); an account that manages creators (GET /creators) as the
// agency gets an agency workspace. Anyone else gets no workspace of their
// own: they join others' through invite links (staff), and their Fanvue
// tokens are dropped.
//
// A Fanvue team member's token also lists the agency's creators. Such an
// account must never become an owner of them here (it would see earnings and
// team pages its agency never granted, outside the agency's activity log).
// Two rules keep it out, both in `ownableCreators`:
//  1. GET /creators says `role` per creator. Its values are undocumented;
//     the ones known to mean "team member, not the agency" (CHATTER, MEMBER…)
//     are never owned. An unknown value falls to rule 2.
//  2. A creator already managed by another agency workspace here belongs to
//     that agency: a second account listing it is staff of the first, and
//     gets in through the first's invite links.

export type Provisioned = { kind: "creator" | "agency"; workspaceId: string } | { kind: "none" };

export async function provisionOnSignIn(userId: string, me: FanvueMe, connectionId: string): Promise<Provisioned> {
  if (me.isCreator) {
    const workspace = await ensureWorkspace(connectionId, "creator", me.displayName ?? me.handle, userId);
    await upsertCreators(
      workspace.id,
      [{ uuid: me.uuid, handle: me.handle, displayName: me.displayName ?? me.handle, avatarUrl: me.avatarUrl }],
      false,
    );
    return { kind: "creator", workspaceId: workspace.id };
  }
  const managed = await ownableCreators(connectionId, await listManagedCreators(fanvueClient({ connectionId })));
  if (managed.length > 0) {
    const workspace = await ensureWorkspace(connectionId, "agency", me.displayName ?? me.handle, userId);
    await applyCreatorList(workspace.id, managed);
    return { kind: "agency", workspaceId: workspace.id };
  }
  // No creator of its own and none managed: keep nothing we do not need.
  const owned = await db.workspace.findUnique({ where: { connectionId } });
  if (!owned) await db.fanvueConnection.delete({ where: { id: connectionId } }).catch(() => undefined);
  return { kind: "none" };
}

async function ensureWorkspace(connectionId: string, kind: "creator" | "agency", name: string, ownerId: string) {
  const existing = await db.workspace.findUnique({ where: { connectionId } });
  const workspace = existing ?? (await db.workspace.create({ data: { connectionId, kind, name } }));
  await db.membership.upsert({
    where: { workspaceId_userId: { workspaceId: workspace.id, userId: ownerId } },
    create: { workspaceId: workspace.id, userId: ownerId, role: "owner", allCreators: true },
    update: { role: "owner", allCreators: true },
  });
  invalidateAccess({ userId: ownerId }); // a new owner's workspace opens at once

  if (!existing)
    await recordAudit({
      workspaceId: workspace.id,
      actor: { id: ownerId, name },
      action: "workspace.create",
      details: { kind },
    });
  return workspace;
}

type CreatorInfo = { uuid: string; handle: string; displayName: string; avatarUrl: string | null };

async function upsertCreators(workspaceId: string, creators: CreatorInfo[], markMissingRemoved: boolean) {
  for (const c of creators) {
    await db.creator.upsert({
      where: { workspaceId_fanvueUuid: { workspaceId, fanvueUuid: c.uuid } },
      create: { workspaceId, fanvueUuid: c.uuid, handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl },
      update: { handle: c.handle, displayName: c.displayName, avatarUrl: c.avatarUrl, removedAt: null },
    });
  }
  if (markMissingRemoved) {
    const gone = await db.$transaction(async (tx) => {
      const r = await tx.creator.updateMany({
        where: { workspaceId, removedAt: null, fanvueUuid: { notIn: creators.map((c) => c.uuid) } },
        data: { removedAt: new Date() },
      });
      // Nobody's live stream goes on showing a creator the agency no longer manages.
      if (r.count > 0) await accessChangeRow({ workspaceId, reason: "creators" }, tx);
      return r.count;
    });
    if (gone > 0) accessChanged({ workspaceId, reason: "creators" });
  }
  await db.workspace.update({ where: { id: workspaceId }, data: { creatorsSyncedAt: new Date() } });
  // Creators added, renamed or back: every member's cached list follows at once.
  invalidateAccess({ workspaceId });
  // Start (or refresh) each creator's earnings ledger right away.
  const ws = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    include: { creators: { where: { removedAt: null } } },
  });
  for (const c of ws.creators) await requestEarningsSync(c.id, ws.connectionId);
}

/** Values of GET /creators' `role` that name a team member of an agency
 * rather than the agency (R-GO lists ADMIN and CHATTER; the rest are
 * defensive spellings of the same). ADMIN is not here: the agency account
 * itself may carry it; an admin team member is caught by rule 2. */
const STAFF_ROLES = new Set(["CHATTER", "MEMBER", "TEAM_MEMBER", "TEAMMEMBER", "STAFF", "MODERATOR", "ASSISTANT"]);

type Managed = Awaited<ReturnType<typeof listManagedCreators>>[number];

/** The listed creators this connection may own (see the header). */
export async function ownableCreators(connectionId: string, managed: Managed[]): Promise<Managed[]> {
  const notStaff = managed.filter((m) => !(typeof m.role === "string" && STAFF_ROLES.has(m.role.trim().toUpperCase())));
  if (notStaff.length === 0) return [];
  const taken = await db.creator.findMany({
    where: {
      fanvueUuid: { in: notStaff.map((m) => m.uuid) },
      removedAt: null,
      workspace: { kind: "agency", connectionId: { not: connectionId } },
    },
    select: { fanvueUuid: true },
  });
  const takenUuids = new Set(taken.map((t) => t.fanvueUuid));
  return notStaff.filter((m) => !takenUuids.has(m.uuid));
}

/** Mirrors GET /creators: new creators appear, ones no longer managed are
 * marked removed (their access ends on the next request). */
export async function applyCreatorList(
  workspaceId: string,
  managed: { uuid: string; handle: string; displayName: string | null; avatarUrl: string | null }[],
) {
  await upsertCreators(
    workspaceId,
    managed.map((m) => ({
      uuid: m.uuid,
      handle: m.handle,
      displayName: m.displayName ?? m.handle,
      avatarUrl: m.avatarUrl,
    })),
    true,
  );
}

/** Re-reads the agency's creator list from Fanvue. */
export async function syncAgencyCreators(workspaceId: string) {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  if (ws.kind !== "agency") return;
  await applyCreatorList(
    workspaceId,
    await ownableCreators(ws.connectionId, await listManagedCreators(fanvueClient({ connectionId: ws.connectionId }))),
  );
}
