import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { env } from "@/lib/env.mjs";
import type { Access as ContractAccess, ParamsOf, ResponseOf, RouteContract } from "@/lib/contracts/contract";
import type { Permission } from "@/lib/schemas/permissions";
import { readSession, type SessionUser } from "@/lib/server/session";
import { recordAudit } from "@/lib/server/workspaces/audit";
import { seatCreatorAccess, seatWorkspaceAccess } from "@/lib/server/workspaces/seats";
import {
  workspaceIsShared,
  hasPermission,
  type CreatorAccess,
  type WorkspaceAccess,
} from "@/lib/server/workspaces/access";
import { assertDeclaredSize, DEFAULT_BODY_LIMIT, readJsonBody } from "./body";
import { contextFor, requestContext, SAFE_METHODS } from "./request-context";
import { ApiError, toErrorResponse } from "./errors";
import { queryTiming } from "@/lib/server/db-count";

// The one wrapper every /api route handler goes through, in this order:
// CSRF check on writes → session → membership of the workspace → the creator
// inside the member's scope → the role's permission → zod-parsed params,
// query and body → handler → audit record of the write → one error model.
// Objects outside the user's memberships answer 404, exactly like objects
// that do not exist. (lib/server/api/routes-wrapped.test.ts fails if a
// handler bypasses this; e2e/access-matrix.spec.ts checks every route.)

export const WRAPPED = Symbol.for("vuedeck.apiRoute");

type Access = ContractAccess;

type AccessOf<A extends Access> = A extends "creator" ? CreatorAccess : A extends "workspace" ? WorkspaceAccess : null;
type UserOf<A extends Access> = A extends "public" ? SessionUser | null : SessionUser;

export type AuditNote = { target?: string; details?: Record<string, unknown>; creatorId?: string | null };

export type HandlerCtx<P, Q, B, A extends Access> = {
  req: NextRequest;
  params: P;
  query: Q;
  body: B;
  user: UserOf<A>;
  access: AccessOf<A>;
  /** Adds target/details to this request's audit record (writes). */
  audit: (note: AuditNote) => void;
};

type Options<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends Access> = {
  access: A;
  /** Required for workspace/creator routes: checked against the role table. */
  permission?: A extends "workspace" | "creator" ? Permission : never;
  /** Audit action recorded after a successful call (default for writes:
   * the route's own name; `false` for writes that audit themselves). */
  audit?: string | false;
  params?: P;
  query?: Q;
  body?: B;
  /** Largest body accepted, in bytes (default 64 KiB; see body.ts). */
  maxBodyBytes?: number;
  handler: (
    ctx: HandlerCtx<z.output<P>, z.output<Q>, z.output<B>, A>,
  ) => Promise<Response | unknown> | Response | unknown;
};

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

const notFound = (what: string) => new ApiError("not_found", `${what} not found.`);

/** Path parameters are ids, handles, names: never control characters
 * (PostgreSQL refuses NUL in text) nor kilobytes. The workspace and creator
 * ids answer "not found" like any unknown id; others name themselves. */
const MAX_PARAM_LENGTH = 1000;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
function assertSaneParams(raw: Record<string, string | string[]>) {
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v.length <= MAX_PARAM_LENGTH && !CONTROL.test(v)) continue;
      if (name === "creatorId") throw notFound("Creator");
      if (name === "workspaceId") throw notFound("Workspace");
      throw new ApiError("invalid_input", `${name} is not a valid identifier.`, { field: name });
    }
  }
}

/** zod, with the input's part named when the whole of it is wrong ("body
 * must be an object"): every 400 says which field to fix. */
function parseIn<S extends z.ZodType>(schema: S, value: unknown, part: "params" | "query" | "body"): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (issue && issue.path.length === 0) {
    const what = part === "body" ? "Request body" : part === "query" ? "Query string" : "Path";
    throw new ApiError("invalid_input", `${what}: ${issue.message}`, { field: part });
  }
  throw r.error;
}

async function resolveAccess(
  kind: Access,
  userId: string,
  raw: Record<string, string | string[]>,
  permission: Permission | undefined,
) {
  if (kind === "public" || kind === "user") return null;
  const access =
    kind === "creator"
      ? typeof raw.creatorId === "string" && (await seatCreatorAccess(userId, raw.creatorId))
      : typeof raw.workspaceId === "string" && (await seatWorkspaceAccess(userId, raw.workspaceId));
  if (!access) throw notFound(kind === "creator" ? "Creator" : "Workspace");
  if (!permission || !hasPermission(access, permission)) {
    throw new ApiError("forbidden", "Your role does not allow this.");
  }
  return access;
}

type Awaitable<T> = T | Promise<T>;
type Out<S, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;

/** What a handler of contract `C` is given and must answer. */
export type ContractHandler<C extends RouteContract> = (
  ctx: HandlerCtx<Out<C["params"], ParamsOf<C>>, Out<C["query"], undefined>, Out<C["body"], undefined>, C["access"]>,
) => Awaitable<ResponseOf<C> | Response>;

type ContractOptions<C extends RouteContract> = Pick<
  Options<z.ZodType, z.ZodType, z.ZodType, Access>,
  "audit" | "maxBodyBytes"
> & { handler: ContractHandler<C> };

/** The handler of a route contract (lib/contracts): access, permission and
 * input schemas come from the contract, the answer is checked against it. */
export function apiRoute<C extends RouteContract>(c: C, b: ContractOptions<C>) {
  const opts = {
    access: c.access,
    permission: c.permission,
    params: c.params,
    query: c.query,
    body: c.body,
    ...b,
  } as Options<z.ZodType, z.ZodType, z.ZodType, Access>;
  return Object.assign(wrap(opts), { contract: c });
}

function wrap<
  A extends Access,
  P extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
>(opts: Options<P, Q, B, A>) {
  const wrapped = async (req: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    const where = `${req.method} ${req.nextUrl.pathname}`;
    // Refusals before the handler runs (CSRF, session, scope, role) are
    // marked, so the access-matrix test tells them from the handler's own
    // 404s. Nonexistent and out-of-scope objects get the same mark.
    let refused = true;
    try {
      assertSameOrigin(req);
      if (!SAFE_METHODS.has(req.method)) assertDeclaredSize(req, opts.maxBodyBytes ?? DEFAULT_BODY_LIMIT);
      const user = await readSession();
      if (opts.access !== "public" && !user) throw new ApiError("unauthorized", "Sign in to continue.");
      const rawParams = (await context.params) ?? {};
      assertSaneParams(rawParams);
      const access = user ? await resolveAccess(opts.access, user.id, rawParams, opts.permission) : null;
      refused = false;
      const params = opts.params ? parseIn(opts.params, rawParams, "params") : rawParams;
      const query = opts.query ? parseIn(opts.query, searchParamsObject(req.nextUrl), "query") : undefined;
      const body = opts.body
        ? parseIn(opts.body, await readJsonBody(req, opts.maxBodyBytes ?? DEFAULT_BODY_LIMIT), "body")
        : undefined;
      const notes: AuditNote = {};
      const shared = access ? await workspaceIsShared(access.workspace.id) : undefined;
      const run = (fn: () => Promise<unknown>) => requestContext.run(contextFor(req.method, user, shared), fn);
      const result = await run(async () =>
        opts.handler({
          req,
          params,
          query,
          body,
          user,
          access,
          audit: (n: AuditNote) => void Object.assign(notes, n),
        } as unknown as HandlerCtx<z.output<P>, z.output<Q>, z.output<B>, A>),
      );
      const action = opts.audit ?? (SAFE_METHODS.has(req.method) ? false : `${req.method} ${req.nextUrl.pathname}`);
      if (action && access && user) {
        const creatorId =
          notes.creatorId !== undefined
            ? notes.creatorId
            : "creator" in access
              ? (access as CreatorAccess).creator.id
              : null;
        await recordAudit({
          workspaceId: access.workspace.id,
          creatorId,
          actor: user,
          action,
          target: notes.target,
          details: notes.details,
        });
      }
      if (result instanceof Response) return result;
      return Response.json(result ?? null, { headers: { "Cache-Control": "no-store" } });
    } catch (err) {
      const res = toErrorResponse(err, where);
      if (refused) res.headers.set("X-Vuedeck-Access", "refused");
      return res;
    }
  };
  // Benchmarks (VUEDECK_COUNT_QUERIES=1): the process's database statements so far, in a Server-Timing header.
  const counted = async (req: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    const res = await wrapped(req, context);
    // Prisma emits a statement's event just after handing its rows back: let the last ones land.
    await new Promise((resolve) => setImmediate(resolve));
    res.headers.set("Server-Timing", queryTiming());
    return res;
  };
  return Object.assign(env.VUEDECK_COUNT_QUERIES ? counted : wrapped, { [WRAPPED]: true });
}
