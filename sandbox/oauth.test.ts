import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";
import { authorize, basic, type ClientCreds } from "./testing";

const client: ClientCreds = {
  clientId: "test-app",
  clientSecret: "s3cret",
  redirectUri: "http://localhost:3999/api/auth/callback/fanvue",
};
let sb: RunningSandbox;

beforeAll(async () => {
  sb = await createSandbox({
    port: 0,
    soloFans: 50,
    agencyFans: [20, 20, 20],
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Test" }],
  });
});
afterAll(() => sb.close());

const tokenCall = (form: Record<string, string>, auth = basic(client.clientId, client.clientSecret)) =>
  fetch(`${sb.url}/oauth2/token`, {
    method: "POST",
    headers: { Authorization: auth, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });

function authUrl(params: Record<string, string>) {
  const u = new URL(`${sb.url}/oauth2/auth`);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u;
}

describe("authorization endpoint", () => {
  const base = {
    response_type: "code",
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: "openid read:self",
    state: "abc",
  };

  it("renders a consent page listing the seeded accounts, preselecting login_hint", async () => {
    const res = await fetch(
      authUrl({ ...base, code_challenge: "x".repeat(43), code_challenge_method: "S256", login_hint: "atlas" }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Luna Vale");
    expect(html).toContain("Atlas Talent");
    expect(html).toContain("Felix Moreau");
    expect(html).toMatch(/value="[0-9a-f-]+" checked aria-label="Atlas Talent/);
  });

  it("requires PKCE S256, redirecting back with invalid_request", async () => {
    const res = await fetch(authUrl(base), { redirect: "manual" });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get("location")!);
    expect(loc.searchParams.get("error")).toBe("invalid_request");
    expect(loc.searchParams.get("state")).toBe("abc");
  });

  it("refuses an unregistered redirect_uri without redirecting", async () => {
    const res = await fetch(
      authUrl({
        ...base,
        redirect_uri: "http://evil.test/cb",
        code_challenge: "x".repeat(43),
        code_challenge_method: "S256",
      }),
      { redirect: "manual" },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });

  it("sends access_denied back when the user denies", async () => {
    const form = new URLSearchParams({
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      scope: "openid",
      state: "s1",
      code_challenge: "x".repeat(43),
      code_challenge_method: "S256",
      decision: "deny",
    });
    const res = await fetch(`${sb.url}/oauth2/auth/decision`, { method: "POST", body: form, redirect: "manual" });
    const loc = new URL(res.headers.get("location")!);
    expect(loc.searchParams.get("error")).toBe("access_denied");
    expect(loc.searchParams.get("state")).toBe("s1");
  });
});

describe("token endpoint", () => {
  it("exchanges a code once, with PKCE, Basic auth and the exact redirect_uri", async () => {
    const { tokens } = await authorize(sb.url, client, "luna");
    expect(tokens.access_token).toMatch(/^sbx_at_/);
    expect(tokens.refresh_token).toMatch(/^sbx_rt_/);
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.id_token?.split(".")).toHaveLength(3);
  });

  it("rejects a wrong code_verifier, a reused code and client_secret in the body", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const luna = [...sb.state.world.accounts.values()].find((a) => a.handle === "luna")!;
    const code = sb.state.tokens.issueCode(
      { userUuid: luna.uuid, clientId: client.clientId, scopes: ["openid", "offline_access"], familyId: "f1" },
      client.redirectUri,
      challenge,
      null,
    );
    const body = { grant_type: "authorization_code", code, redirect_uri: client.redirectUri };
    const inBody = await tokenCall(
      { ...body, code_verifier: verifier, client_id: client.clientId, client_secret: client.clientSecret },
      "",
    );
    expect(inBody.status).toBe(401);
    expect((await inBody.json()).error).toBe("invalid_client");
    const wrong = await tokenCall({ ...body, code_verifier: randomBytes(32).toString("base64url") });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe("invalid_grant");
    const wrongUri = await tokenCall({ ...body, redirect_uri: "http://localhost:1/cb", code_verifier: verifier });
    expect((await wrongUri.json()).error).toBe("invalid_grant");
    expect((await tokenCall({ ...body, code_verifier: verifier })).status).toBe(200);
    const reused = await tokenCall({ ...body, code_verifier: verifier });
    expect((await reused.json()).error).toBe("invalid_grant");
  });

  it("rotates refresh tokens; reusing an old one revokes the whole chain", async () => {
    const { tokens } = await authorize(sb.url, client, "luna");
    const r1 = await tokenCall({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
    expect(r1.status).toBe(200);
    const t1 = await r1.json();
    expect(t1.refresh_token).not.toBe(tokens.refresh_token);
    const me = () =>
      fetch(`${sb.url}/users/me`, {
        headers: { Authorization: `Bearer ${t1.access_token}`, "X-Fanvue-API-Version": "2025-06-26" },
      });
    expect((await me()).status).toBe(200);
    const replay = await tokenCall({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe("invalid_grant");
    // The newest pair died with the chain.
    expect((await me()).status).toBe(401);
    const r2 = await tokenCall({ grant_type: "refresh_token", refresh_token: t1.refresh_token });
    expect((await r2.json()).error).toBe("invalid_grant");
  });

  it("revokes a refresh token and its chain via /oauth2/revoke", async () => {
    const { tokens } = await authorize(sb.url, client, "mia");
    const res = await fetch(`${sb.url}/oauth2/revoke`, {
      method: "POST",
      headers: {
        Authorization: basic(client.clientId, client.clientSecret),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ token: tokens.refresh_token!, token_type_hint: "refresh_token" }),
    });
    expect(res.status).toBe(200);
    const me = await fetch(`${sb.url}/users/me`, {
      headers: { Authorization: `Bearer ${tokens.access_token}`, "X-Fanvue-API-Version": "2025-06-26" },
    });
    expect(me.status).toBe(401);
  });

  it("commits a rotation and drops the response on a fault switch", async () => {
    const { tokens } = await authorize(sb.url, client, "nova");
    await fetch(`${sb.url}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify({ path: "/oauth2/token", drop: "after", times: 1 }),
    });
    await expect(tokenCall({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! })).rejects.toThrow();
    // The rotation happened: the old refresh token is now spent.
    const again = await tokenCall({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! });
    expect((await again.json()).error).toBe("invalid_grant");
  });
});
