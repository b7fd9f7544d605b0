// Test helpers that drive the sandbox over real HTTP, as a client would.
import { createHash, randomBytes } from "node:crypto";

export type ClientCreds = { clientId: string; clientSecret: string; redirectUri: string };

export const API_HEADERS = (token: string) => ({
  Authorization: `Bearer ${token}`,
  "X-Fanvue-API-Version": "2025-06-26",
});

export const basic = (id: string, secret: string) => "Basic " + Buffer.from(`${id}:${secret}`).toString("base64");

/** Runs the authorization-code + PKCE flow for a seeded account and returns
 * the token response. Scopes default to everything Vuedeck asks for. */
export async function authorize(baseUrl: string, client: ClientCreds, handle: string, scopes?: string[]) {
  const accounts = (await (await fetch(`${baseUrl}/__sandbox/accounts`)).json()) as { uuid: string; handle: string }[];
  const account = accounts.find((a) => a.handle === handle);
  if (!account) throw new Error(`no seeded account @${handle}`);
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const scope = (scopes ?? ALL_APP_SCOPES).join(" ");
  const form = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope,
    state: "st",
    code_challenge: challenge,
    code_challenge_method: "S256",
    decision: "allow",
    account: account.uuid,
  });
  const decision = await fetch(`${baseUrl}/oauth2/auth/decision`, { method: "POST", body: form, redirect: "manual" });
  const location = decision.headers.get("location");
  if (!location) throw new Error(`no redirect from consent (${decision.status})`);
  const code = new URL(location).searchParams.get("code");
  if (!code) throw new Error(`consent redirect without code: ${location}`);
  const res = await fetch(`${baseUrl}/oauth2/token`, {
    method: "POST",
    headers: {
      Authorization: basic(client.clientId, client.clientSecret),
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status} ${await res.text()}`);
  return {
    account,
    tokens: (await res.json()) as {
      access_token: string;
      refresh_token?: string;
      expires_in: number;
      scope: string;
      id_token?: string;
    },
  };
}

export const ALL_APP_SCOPES = [
  "openid",
  "offline_access",
  "offline",
  "read:self",
  "read:chat",
  "write:chat",
  "read:fan",
  "read:post",
  "write:post",
  "read:media",
  "write:media",
  "read:creator",
  "write:creator",
  "read:insights",
  "read:tracking_links",
  "write:tracking_links",
  "read:agency",
  "write:agency",
];
