// Optimistic routing only: visitors without a session cookie go to sign-in
// (and come back after). Authorization happens in pages and in apiRoute(),
// never only here.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/utils/session-cookies";

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const path = pathname + search;
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (!hasSession) {
    const url = new URL("/sign-in", req.nextUrl.origin);
    if (path !== "/") url.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(url);
  }
  const forwarded = new Headers(req.headers);
  forwarded.set("x-vuedeck-path", path);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // Everything except sign-in, invite links (they explain themselves before
  // sign-in), the API (it answers 401 JSON itself), Next internals and files.
  matcher: ["/((?!sign-in|invite/|api/|_next/|favicon.ico|robots.txt|manifest.webmanifest|icons/).*)"],
};
