import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/server/auth";

/** For pages: the signed-in session, or a redirect to sign-in that comes back
 * to the page asked for (proxy.ts forwards the path in x-vuedeck-path). */
export async function requireSession() {
  const session = await auth();
  if (session?.user?.id) return session as typeof session & { user: { id: string } };
  const path = (await headers()).get("x-vuedeck-path") ?? "/";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
}
