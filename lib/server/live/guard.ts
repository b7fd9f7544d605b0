import "server-only";
import type { LiveRevoked } from "@/lib/schemas/live";
import { scopedCreators } from "@/lib/server/chats/team-inbox";
import { db } from "@/lib/server/db";
import { getWorkspaceAccess, hasPermission, type WorkspaceAccess } from "@/lib/server/workspaces/access";

// What an open event stream may show, re-read from the database when it
// opens, periodically, and at once on an access change: the session must
// still exist and not be expired, the membership must still exist with
// chats:read, and only the creators now in the member's scope are shown.

/** Who opened the stream: the Auth.js database session it was opened with. */
export type StreamGrant = { userId: string; workspaceId: string; sessionToken: string };

export type StreamScope = {
  access: WorkspaceAccess;
  /** Fanvue's recipientUuid → our creator ids (one Fanvue account can be a creator in one workspace only, but ids are per workspace). */
  byUuid: Map<string, string[]>;
  uuids: string[];
};

export type Verdict =
  | { ok: true; scope: StreamScope }
  | { ok: false; reason: LiveRevoked["reason"] }
  | { ok: false; reason: "unavailable"; error: unknown };

export async function scopeOf(access: WorkspaceAccess): Promise<StreamScope> {
  const byUuid = new Map<string, string[]>();
  for (const c of await scopedCreators(access)) byUuid.set(c.fanvueUuid, [...(byUuid.get(c.fanvueUuid) ?? []), c.id]);
  return { access, byUuid, uuids: [...byUuid.keys()] };
}

/** Never throws: a database that cannot answer is a verdict too (the caller fails closed). */
export async function checkGrant(g: StreamGrant, now = Date.now()): Promise<Verdict> {
  try {
    const session = await db.session.findUnique({
      where: { sessionToken: g.sessionToken },
      select: { userId: true, expires: true },
    });
    if (!session || session.userId !== g.userId || session.expires.getTime() <= now)
      return { ok: false, reason: "signed_out" };
    const access = await getWorkspaceAccess(g.userId, g.workspaceId);
    if (!access || !hasPermission(access, "chats:read")) return { ok: false, reason: "no_access" };
    return { ok: true, scope: await scopeOf(access) };
  } catch (error) {
    return { ok: false, reason: "unavailable", error };
  }
}

/** Open streams per user in this process, for the cap. */
const g = globalThis as unknown as { vuedeckLiveStreams?: Map<string, number> };
const open: Map<string, number> = (g.vuedeckLiveStreams ??= new Map());

/** Takes one of the user's stream slots; null when all are taken. The
 * returned release is idempotent. */
export function takeStreamSlot(userId: string, max: number): (() => void) | null {
  const n = open.get(userId) ?? 0;
  if (n >= max) return null;
  open.set(userId, n + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (open.get(userId) ?? 1) - 1;
    if (left <= 0) open.delete(userId);
    else open.set(userId, left);
  };
}
