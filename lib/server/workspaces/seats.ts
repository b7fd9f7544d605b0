import "server-only";
import { cache } from "react";
import { accessCaches, type Seat } from "@/lib/server/access-cache";
import { db } from "@/lib/server/db";
import type { AccessibleCreator } from "@/lib/schemas/shell";
import type { CreatorAccess, WorkspaceAccess } from "./access";

// The access checks of pages and API routes, from the user's memberships read
// once (per request, and per ACCESS_TTL_MS per process: access-cache.ts).
// Same answers as getWorkspaceAccess/getCreatorAccess/listAccessibleCreators
// (access.ts), which read the database every time (the live stream's
// re-check uses those).

type SeatRow = {
  membershipId: string;
  role: Seat["role"];
  allCreators: boolean;
  creatorIds: string[];
  workspaceId: string;
  kind: Seat["workspace"]["kind"];
  name: string;
  connectionId: string;
  status: string;
  statusReason: string | null;
  creators: Seat["creators"];
};

/** One round trip (the ORM's include would be five: memberships, workspaces,
 * connections, scopes, creators): this runs on most page views, since a
 * person reads a page for longer than the cache keeps it. */
async function loadSeats(userId: string): Promise<Seat[]> {
  const rows = await db.$queryRaw<SeatRow[]>`
    SELECT m."id" AS "membershipId", m."role"::text AS "role", m."allCreators",
      w."id" AS "workspaceId", w."kind"::text AS "kind", w."name", w."connectionId",
      fc."status"::text AS "status", fc."statusReason",
      COALESCE((SELECT array_agg(mc."creatorId") FROM "MembershipCreator" mc
        WHERE mc."membershipId" = m."id"), '{}') AS "creatorIds",
      COALESCE((SELECT json_agg(json_build_object('id', c."id", 'fanvueUuid', c."fanvueUuid", 'handle', c."handle",
          'displayName', c."displayName", 'avatarUrl', c."avatarUrl") ORDER BY c."displayName")
        FROM "Creator" c WHERE c."workspaceId" = w."id" AND c."removedAt" IS NULL), '[]'::json) AS "creators"
    FROM "Membership" m
    JOIN "Workspace" w ON w."id" = m."workspaceId"
    JOIN "FanvueConnection" fc ON fc."id" = w."connectionId"
    WHERE m."userId" = ${userId}
    ORDER BY m."createdAt" ASC`;
  return rows.map((r) => ({
    membershipId: r.membershipId,
    role: r.role,
    allCreators: r.allCreators,
    creatorIds: r.creatorIds,
    workspace: {
      id: r.workspaceId,
      kind: r.kind,
      name: r.name,
      connectionId: r.connectionId,
      needsReauth: r.status === "needs_reauth",
      reauthReason: r.statusReason,
    },
    creators: r.creators,
  }));
}

/** The user's memberships (one read per request, and per TTL per process). */
export const userSeats = cache((userId: string) => accessCaches.seats.get(userId, () => loadSeats(userId)));

// Fresh objects for every caller: a handler can never change what the next request is given.
const toAccess = (s: Seat): WorkspaceAccess => ({
  workspace: {
    id: s.workspace.id,
    kind: s.workspace.kind,
    name: s.workspace.name,
    connectionId: s.workspace.connectionId,
  },
  membership: { id: s.membershipId, role: s.role, allCreators: s.allCreators, creatorIds: [...s.creatorIds] },
});

const inScope = (s: Seat, creatorId: string) => s.allCreators || s.creatorIds.includes(creatorId);

/** The user's access to the workspace, or null (not a member). */
export async function seatWorkspaceAccess(userId: string, workspaceId: string): Promise<WorkspaceAccess | null> {
  const seat = (await userSeats(userId)).find((s) => s.workspace.id === workspaceId);
  return seat ? toAccess(seat) : null;
}

/** The user's access to the creator: active, in a workspace they belong to, inside their scope; else null. */
export async function seatCreatorAccess(userId: string, creatorId: string): Promise<CreatorAccess | null> {
  for (const seat of await userSeats(userId)) {
    const creator = seat.creators.find((c) => c.id === creatorId);
    if (creator) return inScope(seat, creatorId) ? { ...toAccess(seat), creator: { ...creator } } : null;
  }
  return null;
}

/** Every creator the user may open, in workspace order (listAccessibleCreators' answer). */
export const seatCreators = (seats: Seat[]): AccessibleCreator[] =>
  seats.flatMap((s) =>
    s.creators
      .filter((c) => inScope(s, c.id))
      .map((c) => ({
        ...c,
        workspaceId: s.workspace.id,
        workspaceName: s.workspace.name,
        workspaceKind: s.workspace.kind,
        role: s.role,
      })),
  );
