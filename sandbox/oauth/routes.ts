// OAuth 2.0 / OIDC endpoints, shaped like Fanvue's Ory Hydra (contract §3):
// /oauth2/auth (consent page), /oauth2/token, /oauth2/revoke, discovery, JWKS.
import { createSign, timingSafeEqual } from "node:crypto";
import { formBody, html, redirect, send, type Ctx, type Router } from "../http";
import type { Sandbox } from "../state";
import type { Account } from "../world/types";
import { pkceChallenge } from "./tokens";
import { consentPage, errorPage } from "./pages";

export const ALL_SCOPES = [
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

type AuthRequest = {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  nonce: string;
  loginHint: string;
};

const oauthError = (ctx: Ctx, status: number, error: string, description: string) =>
  send(ctx, status, { error, error_description: description }, { "Cache-Control": "no-store" });

function withParams(uri: string, params: Record<string, string>) {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  return url.toString();
}

function readAuthRequest(p: URLSearchParams): AuthRequest {
  return {
    clientId: p.get("client_id") ?? "",
    redirectUri: p.get("redirect_uri") ?? "",
    scope: p.get("scope") ?? "",
    state: p.get("state") ?? "",
    codeChallenge: p.get("code_challenge") ?? "",
    codeChallengeMethod: p.get("code_challenge_method") ?? "",
    nonce: p.get("nonce") ?? "",
    loginHint: p.get("login_hint") ?? "",
  };
}

/** Checks an authorization request. Returns an error to show (no redirect
 * possible) or to send back to the client's redirect URI. */
function checkAuthRequest(sb: Sandbox, r: AuthRequest) {
  const client = sb.config.clients.find((c) => c.clientId === r.clientId);
  if (!client) return { page: `Unknown client_id "${r.clientId || "(missing)"}".` };
  if (!client.redirectUris.includes(r.redirectUri)) {
    return {
      page: `redirect_uri "${r.redirectUri}" is not registered for this app. Registered: ${client.redirectUris.join(", ")}`,
    };
  }
  if (!r.codeChallenge || r.codeChallengeMethod !== "S256") {
    return {
      redirect: { error: "invalid_request", error_description: "PKCE with code_challenge_method=S256 is required" },
      client,
    };
  }
  const unknown = r.scope.split(" ").filter((s) => s && !ALL_SCOPES.includes(s));
  if (unknown.length) {
    return { redirect: { error: "invalid_scope", error_description: `unknown scope: ${unknown.join(" ")}` }, client };
  }
  return { client };
}

function basicClient(sb: Sandbox, ctx: Ctx) {
  const header = ctx.req.headers.authorization ?? "";
  if (!header.startsWith("Basic ")) return null;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const sep = decoded.indexOf(":");
  const id = decodeURIComponent(decoded.slice(0, sep));
  const secret = decodeURIComponent(decoded.slice(sep + 1));
  const client = sb.config.clients.find((c) => c.clientId === id);
  if (!client) return null;
  const a = Buffer.from(secret);
  const b = Buffer.from(client.clientSecret);
  return a.length === b.length && timingSafeEqual(a, b) ? client : null;
}

function idToken(sb: Sandbox, account: Account, clientId: string, nonce: string | null) {
  const now = Math.floor(sb.clock.now() / 1000);
  const header = { alg: "RS256", typ: "JWT", kid: sb.signingKey.kid };
  const payload = {
    iss: sb.publicUrl,
    sub: account.uuid,
    aud: [clientId],
    iat: now,
    exp: now + 3600,
    auth_time: now,
    ...(nonce ? { nonce } : {}),
  };
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const input = `${enc(header)}.${enc(payload)}`;
  const signature = createSign("RSA-SHA256").update(input).sign(sb.signingKey.privateKey).toString("base64url");
  return `${input}.${signature}`;
}

function tokenResponse(
  sb: Sandbox,
  grant: { userUuid: string; clientId: string; scopes: string[]; familyId: string },
  nonce: string | null,
) {
  const { accessToken, refreshToken } = sb.tokens.issuePair(grant, sb.config.accessTokenTtlSec);
  const account = sb.world.accounts.get(grant.userUuid)!;
  return {
    access_token: accessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    expires_in: sb.config.accessTokenTtlSec,
    token_type: "bearer",
    scope: grant.scopes.join(" "),
    ...(grant.scopes.includes("openid") ? { id_token: idToken(sb, account, grant.clientId, nonce) } : {}),
  };
}

export function registerOAuth(router: Router, sb: Sandbox) {
  router.get("/.well-known/openid-configuration", (ctx) =>
    send(ctx, 200, {
      issuer: sb.publicUrl,
      authorization_endpoint: `${sb.publicUrl}/oauth2/auth`,
      token_endpoint: `${sb.publicUrl}/oauth2/token`,
      revocation_endpoint: `${sb.publicUrl}/oauth2/revoke`,
      jwks_uri: `${sb.publicUrl}/.well-known/jwks.json`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic"],
      id_token_signing_alg_values_supported: ["RS256"],
      scopes_supported: ALL_SCOPES,
      subject_types_supported: ["public"],
    }),
  );

  router.get("/.well-known/jwks.json", (ctx) =>
    send(ctx, 200, {
      keys: [
        { ...sb.signingKey.publicKey.export({ format: "jwk" }), kid: sb.signingKey.kid, use: "sig", alg: "RS256" },
      ],
    }),
  );

  router.get("/oauth2/auth", (ctx) => {
    const r = readAuthRequest(ctx.query);
    if (ctx.query.get("response_type") !== "code") {
      return html(ctx, 400, errorPage('Unsupported response_type: only "code" is supported.'));
    }
    const check = checkAuthRequest(sb, r);
    if ("page" in check && check.page) return html(ctx, 400, errorPage(check.page));
    if (check.redirect) return redirect(ctx, withParams(r.redirectUri, { ...check.redirect, state: r.state }));
    const accounts = [...sb.world.accounts.values()].filter((a) => a.kind !== "fan" || a.handle === "felix");
    html(ctx, 200, consentPage({ request: r, appName: check.client!.name, accounts, hint: r.loginHint }));
  });

  router.post("/oauth2/auth/decision", (ctx) => {
    const form = formBody(ctx);
    const r = readAuthRequest(form);
    const check = checkAuthRequest(sb, r);
    if ("page" in check && check.page) return html(ctx, 400, errorPage(check.page));
    if (check.redirect) return redirect(ctx, withParams(r.redirectUri, { ...check.redirect, state: r.state }));
    if (form.get("decision") !== "allow") {
      return redirect(
        ctx,
        withParams(r.redirectUri, {
          error: "access_denied",
          error_description: "The resource owner denied the request",
          state: r.state,
        }),
      );
    }
    const account = sb.world.accounts.get(form.get("account") ?? "");
    if (!account) return html(ctx, 400, errorPage("Pick an account to continue."));
    const scopes = r.scope.split(" ").filter(Boolean);
    const code = sb.tokens.issueCode(
      { userUuid: account.uuid, clientId: r.clientId, scopes, familyId: crypto.randomUUID() },
      r.redirectUri,
      r.codeChallenge,
      r.nonce || null,
    );
    redirect(ctx, withParams(r.redirectUri, { code, state: r.state, scope: r.scope }));
  });

  router.post("/oauth2/token", (ctx) => {
    const form = formBody(ctx);
    const client = basicClient(sb, ctx);
    if (!client) {
      return oauthError(ctx, 401, "invalid_client", "Client authentication failed (client_secret_basic is required).");
    }
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") {
      const code = sb.tokens.codes.get(form.get("code") ?? "");
      if (!code || code.clientId !== client.clientId || code.expiresAt < sb.clock.now()) {
        return oauthError(ctx, 400, "invalid_grant", "The authorization code is invalid or has expired.");
      }
      if (code.used) {
        sb.tokens.revokeFamily(code.familyId);
        return oauthError(ctx, 400, "invalid_grant", "The authorization code has already been used.");
      }
      if (form.get("redirect_uri") !== code.redirectUri) {
        return oauthError(ctx, 400, "invalid_grant", "redirect_uri does not match the authorization request.");
      }
      const verifier = form.get("code_verifier") ?? "";
      if (verifier.length < 43 || verifier.length > 128 || pkceChallenge(verifier) !== code.codeChallenge) {
        return oauthError(ctx, 400, "invalid_grant", "The PKCE code_verifier does not match the code_challenge.");
      }
      code.used = true;
      sb.tokens.stats.codeExchanges++;
      return send(ctx, 200, tokenResponse(sb, code, code.nonce), { "Cache-Control": "no-store" });
    }
    if (grantType === "refresh_token") {
      const value = form.get("refresh_token") ?? "";
      const rec = sb.tokens.refresh.get(value);
      if (!rec || rec.clientId !== client.clientId || rec.revoked) {
        return oauthError(ctx, 400, "invalid_grant", "The refresh token is invalid, expired or revoked.");
      }
      if (form.get("scope")) {
        const wanted = form.get("scope")!.split(" ");
        if (wanted.some((s) => !rec.scopes.includes(s))) {
          return oauthError(ctx, 400, "invalid_scope", "The requested scope exceeds the original grant.");
        }
      }
      if (rec.usedAt !== null) {
        const withinGrace = sb.clock.now() - rec.usedAt < sb.config.refreshGraceSec * 1000;
        if (!withinGrace) {
          sb.tokens.stats.refreshReuse++;
          sb.tokens.revokeFamily(rec.familyId);
          return oauthError(
            ctx,
            400,
            "invalid_grant",
            "The refresh token has already been used; the token chain was revoked.",
          );
        }
      }
      rec.usedAt = sb.clock.now();
      sb.tokens.stats.refreshes++;
      return send(ctx, 200, tokenResponse(sb, rec, null), { "Cache-Control": "no-store" });
    }
    return oauthError(ctx, 400, "unsupported_grant_type", `grant_type "${grantType ?? ""}" is not supported.`);
  });

  router.post("/oauth2/revoke", (ctx) => {
    const form = formBody(ctx);
    if (!basicClient(sb, ctx)) return oauthError(ctx, 401, "invalid_client", "Client authentication failed.");
    const value = form.get("token") ?? "";
    const rec = sb.tokens.refresh.get(value) ?? sb.tokens.access.get(value);
    if (rec) {
      sb.tokens.revokeFamily(rec.familyId);
      sb.tokens.stats.revocations++;
    }
    // RFC 7009: 200 whether or not the token was known.
    send(ctx, 200, {});
  });
}
