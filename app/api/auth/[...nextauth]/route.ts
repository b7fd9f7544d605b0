// Auth.js endpoints (/api/auth/*). The one /api route outside apiRoute():
// Auth.js does its own CSRF (double-submit token) and state/PKCE checks.
import { NextRequest } from "next/server";
import { readBodyOrRefusal } from "@/lib/server/api/body";
import { handlers } from "@/lib/server/auth";
import { safeCallbackPath } from "@/lib/utils/safe-redirect";

/** Auth.js's forms (CSRF token, callback URL) are a few hundred bytes. */
const AUTH_BODY_LIMIT = 16 * 1024;

// Auth.js reads whole bodies; ours go through the one limited reader first,
// so an anonymous flood costs at most 16 KiB per request.
export async function POST(req: NextRequest) {
  const body = await readBodyOrRefusal(req, AUTH_BODY_LIMIT, `POST ${req.nextUrl.pathname}`);
  if ("refusal" in body) return body.refusal;
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return handlers.POST(new NextRequest(req.url, { method: "POST", headers, body: body.text }));
}

export function GET(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  // A user who clicks "Deny" on Fanvue comes back with error=access_denied.
  // Auth.js would report that as a generic callback error; say what happened.
  if (pathname.endsWith("/callback/fanvue") && searchParams.get("error") === "access_denied") {
    return Response.redirect(new URL("/sign-in?error=AccessDenied", req.nextUrl.origin), 303);
  }
  // Sign-in starts with a POST (CSRF token); a GET here (a bookmark, a link)
  // would end on Auth.js's "Configuration" error. Our page starts it properly.
  if (/\/api\/auth\/signin(\/[^/]*)?$/.test(pathname)) {
    const to = new URL("/sign-in", req.nextUrl.origin);
    const callback = safeCallbackPath(searchParams.get("callbackUrl"), "");
    if (callback) to.searchParams.set("callbackUrl", callback);
    return Response.redirect(to, 303);
  }
  return handlers.GET(req);
}
