import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/server/auth";
import { withSessionProbe } from "@/lib/server/auth-probe";
import { accessCaches, type SessionUser } from "@/lib/server/access-cache";
import { SESSION_COOKIES } from "@/lib/utils/session-cookies";

/** Thrown when the session could not be looked up (the database is down):
 * pages show "Vuedeck is unavailable", the API answers 503, and nobody is
 * sent to sign in again. */
export class SessionUnavailableError extends Error {
  readonly digest = "VUEDECK_UNAVAILABLE";
  constructor(readonly cause: unknown) {
    super("Vuedeck cannot reach its database right now.");
  }
}

export type { SessionUser };

/** The one session cookie sent, or null (none, or both names: Auth.js picks
 * one by protocol, and the cache must not guess which it checked). */
async function sessionToken(): Promise<string | null> {
  const jar = await cookies();
  const sent = SESSION_COOKIES.map((name) => jar.get(name)?.value).filter((v): v is string => Boolean(v));
  return sent.length === 1 ? sent[0]! : null;
}

/** The signed-in user, null when signed out; throws SessionUnavailableError
 * when that cannot be told (database unreachable). Read once per server
 * render (the layouts and the page all ask; React's cache()), and a session
 * found is reused by this process for ACCESS_TTL_MS (access-cache.ts;
 * sign-out drops it at once). Signed-out answers are not kept. */
export const readSession = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  const known = token ? accessCaches.sessions.peek(token) : undefined;
  if (known) return { ...known };
  const { value: session, failure } = await withSessionProbe(() => auth());
  if (session?.user?.id) {
    const user = { id: session.user.id, name: session.user.name ?? "Someone" };
    if (token) accessCaches.sessions.set(token, user, Date.parse(session.expires));
    return user;
  }
  if (failure) throw new SessionUnavailableError(failure);
  return null;
});

/** For pages: the signed-in session, or a redirect to sign-in that comes back
 * to the page asked for (proxy.ts forwards the path in x-vuedeck-path). */
export async function requireSession(): Promise<{ user: SessionUser }> {
  const user = await readSession();
  if (user) return { user };
  const path = (await headers()).get("x-vuedeck-path") ?? "/";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}
