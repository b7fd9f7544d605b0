import "server-only";
import type { Role } from "@/lib/schemas/permissions";
import type { CreatorSummary } from "@/lib/schemas/shell";
import { TtlCache } from "./ttl-cache";

// Every page render and API request needs who is signed in and what they may
// open. Both are read from the database at most once per ACCESS_TTL_MS per
// process and shared by the requests in between (a page's first screen and
// the burst of API calls its widgets make right after). A change of access
// made by this process drops them at once (invalidateAccess, called by
// accessChanged and by every writer of memberships, creators, sessions and
// connection status); another server process sees it within the TTL. The
// live stream does not use these: it re-reads the truth (live/guard.ts).

/** 5 s: a removed member, an ended session or a narrowed scope is refused by
 * every server process within 5 s (by this one at once), while a page and
 * the API calls it triggers share one read of each. */
export const ACCESS_TTL_MS = 5_000;
/** A user's memberships are a few hundred bytes: 10,000 entries bound the memory under many users. */
const MAX_ENTRIES = 10_000;

export type SessionUser = { id: string; name: string };

/** One membership of the user, as the access checks and the shell need it. */
export type Seat = {
  membershipId: string;
  role: Role;
  allCreators: boolean;
  creatorIds: string[];
  workspace: {
    id: string;
    kind: "creator" | "agency";
    name: string;
    connectionId: string;
    needsReauth: boolean;
    reauthReason: string | null;
  };
  /** The workspace's active creators, by display name (all of them, whatever the member's scope). */
  creators: CreatorSummary[];
};

type Caches = { sessions: TtlCache<SessionUser>; seats: TtlCache<Seat[]> };
// One pair per process even when Next.js loads this module twice (the
// adapter's sign-out and a page may run in different bundles).
const g = globalThis as unknown as { vuedeckAccessCaches?: Caches };
export const accessCaches: Caches = (g.vuedeckAccessCaches ??= {
  sessions: new TtlCache<SessionUser>(ACCESS_TTL_MS, MAX_ENTRIES),
  seats: new TtlCache<Seat[]>(ACCESS_TTL_MS, MAX_ENTRIES),
});

export type AccessScope = {
  userId?: string | null;
  workspaceId?: string | null;
  connectionId?: string | null;
  sessionToken?: string | null;
};

/** Drops what this process holds about the user's sessions and memberships,
 * about every member of the workspace (or of the connection's workspace). */
export function invalidateAccess(t: AccessScope) {
  const { sessions, seats } = accessCaches;
  if (t.sessionToken) sessions.delete(t.sessionToken);
  if (t.userId) {
    sessions.deleteWhere((u) => u.id === t.userId);
    seats.delete(t.userId);
  }
  if (t.workspaceId) seats.deleteWhere((list) => list.some((s) => s.workspace.id === t.workspaceId));
  if (t.connectionId) seats.deleteWhere((list) => list.some((s) => s.workspace.connectionId === t.connectionId));
}
