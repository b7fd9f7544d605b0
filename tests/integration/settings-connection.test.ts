import { afterAll, describe, expect, it } from "vitest";
import { creatorWorkspace, staffMember } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";

// Settings → Fanvue connection: what the owner sees (never a token), who may disconnect (only the
// person holding the connection), and what a disconnect leaves behind (no tokens here, none alive
// at Fanvue, an activity-log entry, every call refusing with "reconnect"), and reconnecting.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { listMyConnections, disconnectFanvue, DISCONNECTED_REASON } = await import("@/lib/server/settings/connections");
const { getAccessToken, saveConnectionTokens } = await import("@/lib/server/fanvue/connection");
const { hasPermission } = await import("@/lib/server/workspaces/access");
const { FANVUE_SCOPES } = await import("@/lib/server/fanvue/config");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const luna = await creatorWorkspace(sb, "luna");
const mia = await creatorWorkspace(sb, "mia");
const manager = await staffMember(luna.workspace.id, luna.creator.id, "manager", "Mo Manager");
const liveTokens = (handle: string) =>
  sb.admin(`/oauth/tokens?handle=${handle}`) as Promise<{ access: string[]; refresh: string[] }>;

describe("Settings: the Fanvue connection", () => {
  it("lists the owner's connection with scopes and refresh time, and no token", async () => {
    const [c, ...rest] = await listMyConnections(luna.user.id);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ workspaceId: luna.workspace.id, state: "connected", reason: null });
    expect(c!.requestedScopes).toEqual([...FANVUE_SCOPES]);
    expect(c!.grantedScopes.length).toBeGreaterThan(0);
    expect(c!.lastRefreshAt).not.toBeNull();
    const { access, refresh } = await liveTokens("luna");
    const dump = JSON.stringify(c);
    for (const t of [...access, ...refresh]) expect(dump).not.toContain(t);
    // Staff hold no connection of their own.
    expect(await listMyConnections(manager.user.id)).toEqual([]);
  });

  it("refuses anyone but the holder: another owner and the workspace's own manager", async () => {
    await expect(disconnectFanvue(mia.user, luna.workspace.id)).rejects.toMatchObject({ code: "not_found" });
    // The route refuses a manager by role first; the function refuses them too.
    expect(hasPermission(manager.access, "connection:manage")).toBe(false);
    await expect(disconnectFanvue(manager.user, luna.workspace.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listMyConnections(luna.user.id))[0]!.state).toBe("connected");
    expect(await getAccessToken(luna.connection.id)).toEqual(expect.any(String));
    expect(await db.auditEvent.count({ where: { action: "connection.disconnect" } })).toBe(0);
  });

  it("disconnects: tokens deleted here and revoked at Fanvue, audited, calls refuse with reconnect", async () => {
    const before = await liveTokens("luna");
    expect(before.refresh.length).toBeGreaterThan(0);
    const answer = await disconnectFanvue(luna.user, luna.workspace.id);
    expect(answer).toEqual({ workspaceId: luna.workspace.id, state: "disconnected", revocationSent: true });
    const row = await db.fanvueConnection.findUniqueOrThrow({ where: { id: luna.connection.id } });
    expect(row).toMatchObject({ accessTokenCipher: "", refreshTokenCipher: null, status: "needs_reauth" });
    expect(await liveTokens("luna")).toEqual({ access: [], refresh: [] });
    await expect(getAccessToken(luna.connection.id)).rejects.toMatchObject({ kind: "reauth" });
    const [c] = await listMyConnections(luna.user.id);
    expect(c).toMatchObject({ state: "disconnected", reason: DISCONNECTED_REASON });
    const audit = await db.auditEvent.findMany({ where: { action: "connection.disconnect" } });
    expect(audit).toMatchObject([{ workspaceId: luna.workspace.id, actorUserId: luna.user.id }]);
    // The workspace and its creators stay (the row is kept; deleting it would cascade).
    expect(await db.creator.count({ where: { workspaceId: luna.workspace.id } })).toBe(1);
    // Mia's connection is untouched.
    expect(await getAccessToken(mia.connection.id)).toEqual(expect.any(String));
  });

  it("reconnecting (a new sign-in) makes it connected again", async () => {
    const { account, tokens } = await sb.authorize("luna");
    await saveConnectionTokens({
      userId: luna.user.id,
      fanvueUserUuid: account.uuid,
      tokens: {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token ?? null,
        expiresAt: new Date(Date.now() + tokens.expires_in * 1000),
        scope: tokens.scope,
      },
    });
    expect((await listMyConnections(luna.user.id))[0]).toMatchObject({ state: "connected", reason: null });
    expect(await getAccessToken(luna.connection.id)).toBe(tokens.access_token);
  });
});
