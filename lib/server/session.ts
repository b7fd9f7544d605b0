import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/server/auth";
import { withSessionProbe } from "@/lib/server/auth-probe";

/** Thrown when the session could not be looked up (the database is down):
 * pages show "Vuedeck is unavailable", the API answers 503, and nobody is
 * sent to sign in again. */
export class SessionUnavailableError extends Error {
  readonly digest = "VUEDECK_UNAVAILABLE";
  constructor(readonly cause: unknown) {
    super("Vuedeck cannot reach its database right now.");
  }
}

export type SessionUser = { id: string; name: string };

/** The signed-in user, null when signed out; throws SessionUnavailableError
 * when that cannot be told (database unreachable). Read once per server
 * render: the layouts and the page all ask, React's cache() makes it one
 * database read (a route handler, outside a render, reads it each call). */
export const readSession = cache(async (): Promise<SessionUser | null> => {
  const { value: session, failure } = await withSessionProbe(() => auth());
  if (session?.user?.id) return { id: session.user.id, name: session.user.name ?? "Someone" };
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
