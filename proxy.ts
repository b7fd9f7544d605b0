// Every page request passes here: a fresh CSP nonce (Next.js reads it from
// the request's Content-Security-Policy header and puts it on its own
// scripts), HSTS when served over https, and optimistic routing: visitors
// without a session cookie go to sign-in (and come back after).
// Authorization happens in pages and in apiRoute(), never only here.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env.mjs";
import { buildCsp, HSTS, newNonce } from "@/lib/security/csp";
import { SESSION_COOKIES } from "@/lib/utils/session-cookies";

/** Pages that explain themselves before sign-in. */
const PUBLIC_PAGES = /^\/(sign-in|invite\/)/;

function mediaOrigins(): string[] {
  // In sandbox mode media and upload URLs point at the sandbox (plain http).
  return env.VUEDECK_SANDBOX ? [new URL(env.FANVUE_API_BASE_URL).origin] : [];
}

function isHttps(req: NextRequest) {
  return req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const path = pathname + search;
  const https = isHttps(req);
  const secure = (res: NextResponse, csp: string | null) => {
    if (csp) res.headers.set("Content-Security-Policy", csp);
    if (https) res.headers.set("Strict-Transport-Security", HSTS);
    return res;
  };
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (!hasSession && !PUBLIC_PAGES.test(pathname)) {
    const url = new URL("/sign-in", req.nextUrl.origin);
    if (path !== "/") url.searchParams.set("callbackUrl", path);
    return secure(NextResponse.redirect(url), null);
  }
  const csp = buildCsp({ nonce: newNonce(), dev: env.NODE_ENV !== "production", https, mediaOrigins: mediaOrigins() });
  const forwarded = new Headers(req.headers);
  forwarded.set("x-vuedeck-path", path);
  forwarded.set("Content-Security-Policy", csp);
  return secure(NextResponse.next({ request: { headers: forwarded } }), csp);
}

export const config = {
  // Every page. Not the API (it answers JSON and checks sessions itself; a
  // proxy there would also buffer request bodies), Next's files or icons, nor
  // the service worker and its offline page: a browser without a session must
  // get them as they are, not a redirect to sign-in.
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|manifest.webmanifest|icons/|icon.svg|apple-icon.png|sw.js|offline.html|offline.js).*)",
  ],
};
