import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { saveConnectionTokens, getAccessToken } = await import("@/lib/server/fanvue/connection");
const { FanvueError } = await import("@/lib/server/fanvue/errors");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

async function connect(handle: string) {
  const { account, tokens } = await sb.authorize(handle);
  const user = await db.user.create({ data: { name: handle } });
  const conn = await saveConnectionTokens({
    userId: user.id,
    fanvueUserUuid: account.uuid,
    tokens: {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token!,
      expiresAt: new Date(Date.now() + tokens.expires_in * 1000),
      scope: tokens.scope,
    },
  });
  return { conn, tokens };
}

describe("Fanvue connection tokens", () => {
  it("stores tokens encrypted: no plaintext in the row", async () => {
    const { conn, tokens } = await connect("luna");
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT * FROM "FanvueConnection" WHERE id = $1`,
      conn.id,
    );
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(tokens.access_token);
    expect(dump).not.toContain(tokens.refresh_token!);
    expect(await getAccessToken(conn.id)).toBe(tokens.access_token);
  });

  it("refreshes once for 25 concurrent callers when the token is due", async () => {
    const { conn, tokens } = await connect("mia");
    await db.fanvueConnection.update({
      where: { id: conn.id },
      data: { accessTokenExpiresAt: new Date(Date.now() - 1000) },
    });
    const before = (await sb.admin("/oauth/stats")).refreshes as number;
    const results = await Promise.all(Array.from({ length: 25 }, () => getAccessToken(conn.id)));
    const after = (await sb.admin("/oauth/stats")).refreshes as number;
    expect(after - before).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe(tokens.access_token);
    const row = await db.fanvueConnection.findUniqueOrThrow({ where: { id: conn.id } });
    expect(row.tokenVersion).toBe(conn.tokenVersion + 1);
    expect(row.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("marks the connection needs_reauth when Fanvue refuses the refresh token", async () => {
    const { conn } = await connect("nova");
    await db.fanvueConnection.update({ where: { id: conn.id }, data: { accessTokenExpiresAt: new Date(0) } });
    await sb.admin("/faults", {
      path: "/oauth2/token",
      status: 400,
      body: { error: "invalid_grant", error_description: "revoked" },
      times: 1,
    });
    const err = await getAccessToken(conn.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FanvueError);
    expect((err as InstanceType<typeof FanvueError>).kind).toBe("reauth");
    const row = await db.fanvueConnection.findUniqueOrThrow({ where: { id: conn.id } });
    expect(row.status).toBe("needs_reauth");
    // No further refresh attempts while it needs a new sign-in.
    const before = (await sb.admin("/oauth/stats")).refreshes as number;
    await expect(getAccessToken(conn.id)).rejects.toMatchObject({ kind: "reauth" });
    expect((await sb.admin("/oauth/stats")).refreshes).toBe(before);
  });
});
