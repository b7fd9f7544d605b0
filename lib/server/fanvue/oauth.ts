import "server-only";
import { fanvueConfig } from "./config";
import { FanvueError } from "./errors";

export type TokenSet = {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scope: string;
};

const basicAuth = () =>
  "Basic " +
  Buffer.from(`${encodeURIComponent(fanvueConfig.clientId)}:${encodeURIComponent(fanvueConfig.clientSecret)}`).toString(
    "base64",
  );

/** POST /oauth2/token with client_secret_basic (Fanvue rejects secrets in the body). */
async function tokenRequest(form: Record<string, string>): Promise<TokenSet> {
  let res: Response;
  try {
    res = await fetch(`${fanvueConfig.authBaseUrl}/oauth2/token`, {
      method: "POST",
      headers: {
        Authorization: basicAuth(),
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
      },
      body: new URLSearchParams(form),
      signal: AbortSignal.timeout(15_000),
      cache: "no-store",
    });
  } catch (err) {
    throw new FanvueError("network", "Fanvue's sign-in service could not be reached", {
      path: "/oauth2/token",
      cause: err,
    });
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const code = typeof body.error === "string" ? body.error : "";
    // invalid_grant: the refresh token is spent, revoked or its chain was
    // revoked. Nothing but a new sign-in fixes that.
    if (code === "invalid_grant" || code === "invalid_client" || code === "unauthorized_client") {
      throw new FanvueError("reauth", `Fanvue refused the token (${code})`, {
        status: res.status,
        path: "/oauth2/token",
      });
    }
    throw new FanvueError(
      res.status >= 500 ? "upstream" : "validation",
      `Fanvue token endpoint answered ${res.status} ${code}`.trim(),
      {
        status: res.status,
        path: "/oauth2/token",
      },
    );
  }
  if (typeof body.access_token !== "string" || typeof body.expires_in !== "number") {
    throw new FanvueError("bad_response", "Fanvue token response is missing access_token or expires_in", {
      path: "/oauth2/token",
    });
  }
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : null,
    expiresAt: new Date(Date.now() + body.expires_in * 1000),
    scope: typeof body.scope === "string" ? body.scope : "",
  };
}

export const refreshTokens = (refreshToken: string) =>
  tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken });

/** RFC 7009 revocation; best effort (sign-out must not fail because of it). */
export async function revokeToken(token: string) {
  await fetch(`${fanvueConfig.authBaseUrl}/oauth2/revoke`, {
    method: "POST",
    headers: { Authorization: basicAuth(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token, token_type_hint: "refresh_token" }),
    signal: AbortSignal.timeout(5_000),
  }).catch(() => undefined);
}

/** Is Fanvue's authorization server answering? Used before sending a user to it. */
export async function isAuthServerReachable(): Promise<boolean> {
  try {
    const res = await fetch(`${fanvueConfig.authBaseUrl}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(3_000),
      cache: "no-store",
    });
    return res.status < 500;
  } catch {
    return false;
  }
}
