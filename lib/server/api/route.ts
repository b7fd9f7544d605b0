import "server-only";
import type { NextRequest } from "next/server";
import { z } from "zod";
import type { Session } from "next-auth";
import { env } from "@/lib/env.mjs";
import { auth } from "@/lib/server/auth";
import { ApiError, toErrorResponse } from "./errors";

// The one wrapper every /api route handler goes through: session, CSRF
// protection on writes, zod-parsed params/query/body, and the single error
// model. (tests/api-routes-wrapped.test.ts fails if a handler bypasses it.)

export const WRAPPED = Symbol.for("vuedeck.apiRoute");

type Access = "public" | "user";

type HandlerCtx<P, Q, B, A extends Access> = {
  req: NextRequest;
  params: P;
  query: Q;
  body: B;
  session: A extends "user" ? Session & { user: { id: string } } : Session | null;
};

type Options<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends Access> = {
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  handler: (ctx: HandlerCtx<z.output<P>, z.output<Q>, z.output<B>, A>) => Promise<Response | unknown> | Response | unknown;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Writes must come from our own pages: Sec-Fetch-Site same-origin, or an
 * Origin header equal to ours. A missing or foreign origin is refused. */
export function assertSameOrigin(req: Request) {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site === "same-origin") return;
  const origin = req.headers.get("origin");
  if (origin && origin === new URL(env.APP_URL).origin) return;
  throw new ApiError("forbidden", "Cross-site request refused (missing or foreign Origin).");
}

function searchParamsObject(url: URL) {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

async function readJson(req: Request) {
  const text = await req.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_input", "Request body must be valid JSON.");
  }
}

export function apiRoute<
  A extends Access,
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(opts: Options<P, Q, B, A>) {
  const wrapped = async (req: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    const where = `${req.method} ${req.nextUrl.pathname}`;
    try {
      assertSameOrigin(req);
      const session = await auth();
      if (opts.access === "user" && !session?.user?.id) throw new ApiError("unauthorized", "Sign in to continue.");
      const params = opts.params ? opts.params.parse(await context.params) : await context.params;
      const query = opts.query ? opts.query.parse(searchParamsObject(req.nextUrl)) : undefined;
      const body = opts.body ? opts.body.parse(await readJson(req)) : undefined;
      const result = await opts.handler({ req, params, query, body, session } as HandlerCtx<z.output<P>, z.output<Q>, z.output<B>, A>);
      if (result instanceof Response) return result;
      return Response.json(result ?? null, { headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      return toErrorResponse(err, where);
    }
  };
  return Object.assign(wrapped, { [WRAPPED]: true });
}
