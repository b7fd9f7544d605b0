// Auth.js endpoints (/api/auth/*). The one /api route outside apiRoute():
// Auth.js does its own CSRF (double-submit token) and state/PKCE checks.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth";

export const POST = handlers.POST;

// A user who clicks "Deny" on Fanvue comes back with error=access_denied.
// Auth.js would report that as a generic callback error; say what happened.
export function GET(req: NextRequest) {
  const { pathname, searchParams } = req.nextUrl;
  if (pathname.endsWith("/callback/fanvue") && searchParams.get("error") === "access_denied") {
    return Response.redirect(new URL("/sign-in?error=AccessDenied", req.nextUrl.origin), 303);
  }
  return handlers.GET(req);
}
