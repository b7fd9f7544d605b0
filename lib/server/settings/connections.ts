import "server-only";
import { invalidateAccess } from "@/lib/server/access-cache";
import { db } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { decryptToken, tokenAad } from "@/lib/server/crypto/token-cipher";
import { fanvueConfig, FANVUE_SCOPES } from "@/lib/server/fanvue/config";
import { revokeToken } from "@/lib/server/fanvue/oauth";
import { recordAudit } from "@/lib/server/workspaces/audit";
import type { ConnectionDisconnected, ConnectionView } from "@/lib/schemas/settings";

// The Fanvue connections a user holds, as the Settings page shows them, and disconnecting one.
// A disconnect keeps the FanvueConnection row (the workspace and all its history hang off it, with
// ON DELETE CASCADE) and deletes what it holds: both encrypted tokens. The row is left in
// needs_reauth, so every Fanvue call refuses with "reconnect" and jobs pause; signing in again
// (saveConnectionTokens) fills it and wakes them.

/** accessTokenCipher is NOT NULL: an empty string is "no token stored" (never a valid ciphertext). */
const NO_TOKEN = "";
export const DISCONNECTED_REASON = "You disconnected Fanvue in Settings. Reconnect to sync again.";

const REQUESTED = [...FANVUE_SCOPES];

function stateOf(c: { accessTokenCipher: string; status: string }): ConnectionView["state"] {
  if (c.accessTokenCipher === NO_TOKEN) return "disconnected";
  return c.status === "needs_reauth" ? "needs_reconnect" : "connected";
}

export async function listMyConnections(userId: string): Promise<ConnectionView[]> {
  const rows = await db.fanvueConnection.findMany({
    where: { userId, workspace: { isNot: null } },
    include: { workspace: { select: { id: true, name: true, kind: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((c) => {
    const state = stateOf(c);
    return {
      workspaceId: c.workspace!.id,
      workspaceName: c.workspace!.name,
      workspaceKind: c.workspace!.kind,
      state,
      reason: state === "connected" ? null : (c.statusReason ?? "Fanvue access has ended."),
      isSandbox: fanvueConfig.isSandbox,
      grantedScopes: c.scope.split(/\s+/).filter(Boolean),
      requestedScopes: REQUESTED,
      connectedSince: c.createdAt.toISOString(),
      lastRefreshAt: c.refreshedAt?.toISOString() ?? null,
    };
  });
}

/** Deletes the stored tokens of the workspace's connection, if `actor` holds it (else 404, like
 * a connection that does not exist), records it in the activity log, and revokes the refresh token
 * at Fanvue (best effort: the tokens are gone from here either way). Under the refresh lock, so a
 * refresh in flight cannot write new tokens back afterwards (its compare-and-set on tokenVersion
 * fails). */
export async function disconnectFanvue(
  actor: { id: string; name: string },
  workspaceId: string,
): Promise<ConnectionDisconnected> {
  const refreshToken = await db.$transaction(async (tx) => {
    const ws = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { connectionId: true } });
    const conn = ws && (await tx.fanvueConnection.findUnique({ where: { id: ws.connectionId } }));
    if (!conn || conn.userId !== actor.id) throw new ApiError("not_found", "Fanvue connection not found.");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"fanvue-refresh:" + conn.id}))`;
    const fresh = await tx.fanvueConnection.findUniqueOrThrow({ where: { id: conn.id } });
    await tx.fanvueConnection.update({
      where: { id: conn.id },
      data: {
        accessTokenCipher: NO_TOKEN,
        refreshTokenCipher: null,
        accessTokenExpiresAt: new Date(0),
        status: "needs_reauth",
        statusReason: DISCONNECTED_REASON,
        tokenVersion: { increment: 1 },
      },
    });
    return fresh.refreshTokenCipher
      ? decryptToken(fresh.refreshTokenCipher, tokenAad(fresh.fanvueUserUuid, "refresh"))
      : null;
  });
  invalidateAccess({ workspaceId }); // every member's shell shows the disconnect on their next page
  // Revoking the refresh token ends its whole chain at Fanvue, access tokens included.
  if (refreshToken) await revokeToken(refreshToken);
  await recordAudit({
    workspaceId,
    actor,
    action: "connection.disconnect",
    details: { revocationSent: refreshToken !== null },
  });
  return { workspaceId, state: "disconnected", revocationSent: refreshToken !== null };
}
