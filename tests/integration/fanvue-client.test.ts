import { describe, expect, it } from "vitest";
import { connectAccount } from "../support/connect";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { getMe } = await import("@/lib/server/fanvue/users");
const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");

type Call = { seq: number; at: string; path: string; method: string; status: number; bucket: string | null };
const calls = async (path: string) =>
  ((await sb.admin(`/calls?path=${encodeURIComponent(path)}`)) as { calls: Call[] }).calls;

cleanUpBetweenTests(sb, db);

describe("Fanvue client retry policy", () => {
  it("waits out Retry-After on a 429, then succeeds, never calling early", async () => {
    const { connection } = await connectAccount(sb, "luna");
    await sb.admin("/faults", { path: "/users/me", status: 429, retryAfter: 2, times: 1 });
    const started = Date.now();
    const me = await getMe(fanvueClient({ connectionId: connection.id }));
    expect(me.handle).toBe("luna");
    const log = await calls("/users/me");
    expect(log.map((c) => c.status)).toEqual([429, 200]);
    expect(Date.parse(log[1]!.at) - Date.parse(log[0]!.at)).toBeGreaterThanOrEqual(2000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it("retries a GET through 5xx and dropped connections, with a bound", async () => {
    const { connection } = await connectAccount(sb, "mia");
    await sb.admin("/faults", { path: "/users/me", status: 503, times: 1 });
    await sb.admin("/faults", { path: "/users/me", drop: "before", times: 1 });
    expect((await getMe(fanvueClient({ connectionId: connection.id }))).handle).toBe("mia");
    await sb.admin("/faults", { path: "/users/me", status: 500 });
    await expect(getMe(fanvueClient({ connectionId: connection.id }))).rejects.toMatchObject({ kind: "upstream" });
    // 3 attempts, not a loop.
    expect((await calls("/users/me")).filter((c) => c.status === 500)).toHaveLength(3);
  });

  it("never retries a send after a 5xx or a lost response", async () => {
    const { connection } = await connectAccount(sb, "luna");
    const client = fanvueClient({ connectionId: connection.id });
    const path = "/chats/00000000-0000-4000-8000-000000000000/message";
    await sb.admin("/faults", { path, status: 502 });
    await expect(client.creator("POST", path, { body: { text: "hi" } })).rejects.toMatchObject({ kind: "upstream" });
    await sb.admin("/faults", undefined, "DELETE");
    await sb.admin("/faults", { path, drop: "before" });
    await expect(client.creator("POST", path, { body: { text: "hi" } })).rejects.toMatchObject({ kind: "network" });
    expect(await calls(path)).toHaveLength(2);
  });

  it("refreshes once on an unexpected 401 and retries", async () => {
    const { connection } = await connectAccount(sb, "nova");
    await sb.admin("/tokens/expire", { handle: "nova" });
    const before = await sb.admin("/oauth/stats");
    expect((await getMe(fanvueClient({ connectionId: connection.id }))).handle).toBe("nova");
    expect((await sb.admin("/oauth/stats")).refreshes - before.refreshes).toBe(1);
    expect((await calls("/users/me")).map((c) => c.status)).toEqual([401, 200]);
  });
});

describe("lost refresh response", () => {
  it("retries the refresh at most once, then needs_reauth without looping; reconnecting restores service", async () => {
    const { connection } = await connectAccount(sb, "ivy");
    await db.fanvueConnection.update({ where: { id: connection.id }, data: { accessTokenExpiresAt: new Date(0) } });
    // Fanvue commits the rotation but the answer never arrives.
    await sb.admin("/faults", { path: "/oauth2/token", drop: "after", times: 1 });
    const client = fanvueClient({ connectionId: connection.id });
    await expect(getMe(client)).rejects.toMatchObject({ kind: "reauth" });
    const tokenCalls = await calls("/oauth2/token");
    expect(tokenCalls).toHaveLength(2);
    const row = await db.fanvueConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.status).toBe("needs_reauth");
    // Further calls fail fast: no more token requests.
    await expect(getMe(client)).rejects.toMatchObject({ kind: "reauth" });
    expect(await calls("/oauth2/token")).toHaveLength(2);
    // Reconnect (a new sign-in) overwrites the tokens and resumes.
    const { account, tokens } = await sb.authorize("ivy");
    await saveConnectionTokens({
      userId: row.userId,
      fanvueUserUuid: account.uuid,
      tokens: {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token!,
        expiresAt: new Date(Date.now() + 3_600_000),
        scope: tokens.scope,
      },
    });
    expect((await getMe(client)).handle).toBe("ivy");
  });
});

describe("agency mode", () => {
  it("routes creator data through /creators/{c}/… on that creator's own bucket", async () => {
    const { connection } = await connectAccount(sb, "atlas");
    const creators = (await sb.admin("/accounts")) as { uuid: string; handle: string }[];
    const mia = creators.find((c) => c.handle === "mia")!;
    const agency = fanvueClient({ connectionId: connection.id, mode: "agency", creatorUuid: mia.uuid });
    // The path does not need to exist for this check: the bucket is decided before routing.
    await agency.creator("GET", "/users/me").catch(() => undefined);
    await agency.account("GET", "/users/me");
    const log = await calls("/**");
    expect(log.map((c) => c.path)).toEqual([`/creators/${mia.uuid}/users/me`, "/users/me"]);
    const self = fanvueClient({ connectionId: connection.id, mode: "agency", creatorUuid: mia.uuid });
    await expect(self.selfOnly("GET", "/insights/fans/x")).rejects.toMatchObject({ kind: "unsupported" });
  });
});
