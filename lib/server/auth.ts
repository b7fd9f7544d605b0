import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { OAuthConfig } from "next-auth/providers";
import { db } from "@/lib/server/db";
import { env } from "@/lib/env.mjs";
import { authAdapter } from "./auth-adapter";
import { FANVUE_SCOPES, fanvueConfig } from "./fanvue/config";
import { saveConnectionTokens } from "./fanvue/connection";
import type { FanvueMe } from "./fanvue/schemas/users";
import { getMeWithToken } from "./fanvue/users";
import { provisionOnSignIn } from "./workspaces/provision";
import { sameOriginPath } from "@/lib/utils/safe-redirect";

// Sign in with Fanvue: authorization code + PKCE (S256) + state, client
// authentication by client_secret_basic, identity from GET /users/me with the
// API version header (contract §3). The same provider serves the sandbox and
// real Fanvue; only the base URLs and credentials differ.

function fanvueProvider(): OAuthConfig<FanvueMe> {
  return {
    id: "fanvue",
    name: "Fanvue",
    type: "oauth",
    clientId: fanvueConfig.clientId,
    clientSecret: fanvueConfig.clientSecret,
    client: { token_endpoint_auth_method: "client_secret_basic" },
    checks: ["pkce", "state"],
    authorization: {
      url: `${fanvueConfig.authBaseUrl}/oauth2/auth`,
      params: { scope: FANVUE_SCOPES.join(" "), response_type: "code" },
    },
    token: {
      url: `${fanvueConfig.authBaseUrl}/oauth2/token`,
      // Identity comes from /users/me, so the id_token (requested because
      // Fanvue requires `openid`) is dropped before Auth.js validates it: its
      // exact issuer string is not documented and must not break sign-in.
      async conform(response: Response) {
        if (!response.ok) return response;
        const body = (await response.json()) as Record<string, unknown>;
        delete body.id_token;
        return new Response(JSON.stringify(body), {
          status: response.status,
          headers: { "Content-Type": "application/json" },
        });
      },
    },
    userinfo: {
      url: `${fanvueConfig.apiBaseUrl}/users/me`,
      request: ({ tokens }: { tokens: { access_token?: string } }) => getMeWithToken(tokens.access_token ?? ""),
    },
    profile(me) {
      return { id: me.uuid, name: me.displayName ?? me.handle, email: me.email ?? null, image: me.avatarUrl };
    },
  };
}

export const authConfig = {
  adapter: authAdapter,
  providers: [fanvueProvider()],
  secret: env.AUTH_SECRET,
  trustHost: true,
  // Database sessions: signing out or removing a member ends access at once.
  session: { strategy: "database", maxAge: 30 * 24 * 3600, updateAge: 24 * 3600 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    // Only what pages need: the database session row (its sessionToken is
    // the HttpOnly cookie's value) never reaches GET /api/auth/session.
    session({ session, user }) {
      return { user: { id: user.id, name: user.name, email: user.email, image: user.image }, expires: session.expires };
    },
    // Keep post-sign-in redirects on our own origin (one check: safe-redirect.ts).
    redirect({ url, baseUrl }) {
      const relative = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
      const path = sameOriginPath(relative, baseUrl);
      return path && !path.startsWith("//") ? `${baseUrl}${path}` : baseUrl;
    },
  },
  events: {
    // Auth.js stores provider tokens only on the first link; we store every
    // sign-in's tokens (encrypted), so signing in again replaces them.
    async signIn({ user, account, profile }) {
      if (!account || account.provider !== "fanvue" || !user.id || !account.access_token) return;
      const me = profile as unknown as FanvueMe;
      await db.user.update({
        where: { id: user.id },
        data: { fanvueUuid: me.uuid, handle: me.handle, name: me.displayName ?? me.handle, image: me.avatarUrl },
      });
      const connection = await saveConnectionTokens({
        userId: user.id,
        fanvueUserUuid: me.uuid,
        tokens: {
          accessToken: account.access_token,
          refreshToken: account.refresh_token ?? null,
          expiresAt: new Date((account.expires_at ?? Math.floor(Date.now() / 1000) + 3600) * 1000),
          scope: account.scope ?? "",
        },
      });
      await provisionOnSignIn(user.id, me, connection.id);
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signOut } = NextAuth(authConfig);
