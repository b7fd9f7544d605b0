import "server-only";
import { invalidateAccess } from "@/lib/server/access-cache";
import { db } from "@/lib/server/db";
import { decryptToken, encryptToken, tokenAad } from "@/lib/server/crypto/token-cipher";
import { wakeConnectionJobs } from "@/lib/server/jobs/queue";
import { FanvueError } from "./errors";
import { refreshTokens, type TokenSet } from "./oauth";

// Token lifecycle of a Fanvue connection. Fanvue refresh tokens are single-use
// and a reuse revokes the whole chain, so a refresh is single-flight per
// connection: in-process through a shared promise, across processes through a
// Postgres advisory lock plus a compare-and-set on tokenVersion.

/** Refresh this long before expiry so a request never leaves with a token
 * that dies in flight (Fanvue access tokens live ~1 h). */
const REFRESH_MARGIN_MS = 60_000;

export type ConnectionRef = { id: string };

export async function saveConnectionTokens(input: { userId: string; fanvueUserUuid: string; tokens: TokenSet }) {
  const { userId, fanvueUserUuid, tokens } = input;
  const data = {
    scope: tokens.scope,
    accessTokenCipher: encryptToken(tokens.accessToken, tokenAad(fanvueUserUuid, "access")),
    refreshTokenCipher: tokens.refreshToken
      ? encryptToken(tokens.refreshToken, tokenAad(fanvueUserUuid, "refresh"))
      : null,
    accessTokenExpiresAt: tokens.expiresAt,
    status: "active" as const,
    statusReason: null,
    refreshedAt: new Date(),
  };
  const connection = await db.fanvueConnection.upsert({
    where: { fanvueUserUuid },
    create: { fanvueUserUuid, userId, ...data },
    update: { userId, ...data, tokenVersion: { increment: 1 } },
  });
  invalidateAccess({ connectionId: connection.id }); // the shell's "reconnect Fanvue" banner goes at once
  // Reconnecting resumes the background work that paused while it was needed.
  await wakeConnectionJobs(connection.id);
  return connection;
}

export async function markNeedsReauth(connectionId: string, reason: string) {
  await db.fanvueConnection.update({
    where: { id: connectionId },
    data: { status: "needs_reauth", statusReason: reason },
  });
  invalidateAccess({ connectionId }); // the shell's banner shows on the next page
}

const inflight = new Map<string, Promise<string>>();

/** A valid access token for the connection, refreshing it when due, or when
 * Fanvue rejected `rejectedToken` (401) and nobody has replaced it since. */
export async function getAccessToken(connectionId: string, opts: { rejectedToken?: string } = {}): Promise<string> {
  const conn = await db.fanvueConnection.findUnique({ where: { id: connectionId } });
  if (!conn) throw new FanvueError("reauth", "No Fanvue connection.");
  if (conn.status === "needs_reauth")
    throw new FanvueError("reauth", conn.statusReason ?? "Fanvue needs to be reconnected.");
  const fresh = conn.accessTokenExpiresAt.getTime() - Date.now() > REFRESH_MARGIN_MS;
  const current = decryptToken(conn.accessTokenCipher, tokenAad(conn.fanvueUserUuid, "access"));
  if (fresh && current !== opts.rejectedToken) return current;
  let p = inflight.get(connectionId);
  if (!p) {
    p = refreshConnection(connectionId, conn.tokenVersion).finally(() => inflight.delete(connectionId));
    inflight.set(connectionId, p);
  }
  return p;
}

async function refreshConnection(connectionId: string, seenVersion: number): Promise<string> {
  const outcome = await db.$transaction(
    async (tx): Promise<{ token: string } | { reauth: string }> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"fanvue-refresh:" + connectionId}))`;
      const conn = await tx.fanvueConnection.findUniqueOrThrow({ where: { id: connectionId } });
      const aad = (f: "access" | "refresh") => tokenAad(conn.fanvueUserUuid, f);
      if (conn.status === "needs_reauth") return { reauth: conn.statusReason ?? "Fanvue needs to be reconnected." };
      // Another process refreshed while we waited for the lock: use its token.
      if (conn.tokenVersion !== seenVersion) {
        return { token: decryptToken(conn.accessTokenCipher, aad("access")) };
      }
      if (!conn.refreshTokenCipher) return { reauth: "Fanvue did not grant offline access; reconnect to continue." };
      let tokens: TokenSet;
      try {
        tokens = await refreshWithOneRetry(decryptToken(conn.refreshTokenCipher, aad("refresh")));
      } catch (err) {
        if (err instanceof FanvueError && err.kind === "reauth")
          return { reauth: "Fanvue revoked access; reconnect to continue." };
        throw err;
      }
      // Compare-and-set: only the holder of the version it read may write.
      const updated = await tx.fanvueConnection.updateMany({
        where: { id: conn.id, tokenVersion: conn.tokenVersion },
        data: {
          accessTokenCipher: encryptToken(tokens.accessToken, aad("access")),
          refreshTokenCipher: tokens.refreshToken
            ? encryptToken(tokens.refreshToken, aad("refresh"))
            : conn.refreshTokenCipher,
          accessTokenExpiresAt: tokens.expiresAt,
          scope: tokens.scope || conn.scope,
          tokenVersion: { increment: 1 },
          refreshedAt: new Date(),
        },
      });
      if (updated.count !== 1) throw new FanvueError("upstream", "Token refresh lost a race; retry the request.");
      return { token: tokens.accessToken };
    },
    // The transaction spans one token call (15 s timeout) plus a retry.
    { timeout: 40_000, maxWait: 40_000 },
  );
  if ("token" in outcome) return outcome.token;
  // Recorded outside the transaction so the rollback of a failed attempt
  // cannot undo it; every page then shows "Reconnect Fanvue".
  await markNeedsReauth(connectionId, outcome.reauth);
  throw new FanvueError("reauth", outcome.reauth);
}

/** A refresh whose response was lost may have been committed upstream: retry
 * once with the same token (servers with a reuse grace window answer it);
 * a refusal then means the chain is gone and the user must reconnect. */
async function refreshWithOneRetry(refreshToken: string): Promise<TokenSet> {
  try {
    return await refreshTokens(refreshToken);
  } catch (err) {
    if (err instanceof FanvueError && (err.kind === "network" || err.kind === "timeout" || err.kind === "upstream")) {
      return refreshTokens(refreshToken);
    }
    throw err;
  }
}
