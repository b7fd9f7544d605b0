// Declares Fanvue API routes once and applies the middleware order: version
// header → bearer → scope → rate limit → the reference's parameters and fields
// (sandbox/contract.ts) → handler. Routes about a creator's own data are
// mounted as self routes for a creator token and as `/creators/{c}/…` for an
// agency token, each where Fanvue's reference documents it.
import { findRoute } from "../../contract/fanvue/check";
import type { Route } from "../../contract/fanvue/dsl";
import { API_VERSION, RETIRED_VERSIONS } from "../config";
import { holdRequest } from "../contract";
import { forbidden, HttpError, type Ctx, type Router, type TokenAuth } from "../http";
import type { Sandbox } from "../state";
import type { Account, CreatorWorld } from "../world/types";

export type ApiCtx = Ctx & {
  auth: TokenAuth;
  account: Account;
  /** The creator whose data this request is about (self or creator-scoped). */
  creator: CreatorWorld;
  /** True on `/creators/{c}/…` routes. */
  viaAgency: boolean;
};

export type RouteSpec = {
  /** "creator": needs a creator subject; "account": any account, no subject. */
  subject: "creator" | "account";
};

type Handler = (ctx: ApiCtx) => void | Promise<void>;

/** Mounts a handler on every form of the route Fanvue's reference documents:
 * the path itself (self route) and `/creators/{creatorUserUuid}` + path
 * (agency route), each with the reference's scopes. A route the reference
 * does not document is a bug in the sandbox: it stops the start. */
export class Api {
  constructor(
    private router: Router,
    private sb: Sandbox,
  ) {}

  route(method: string, path: string, spec: RouteSpec, handler: Handler) {
    const self = findRoute(method, path);
    const agencyPath = `/creators/:creatorUserUuid${path}`;
    const agency = findRoute(method, agencyPath);
    if (!self && !agency) throw new Error(`sandbox: ${method} ${path} is not in Fanvue's API reference`);
    if (self) this.router.on(method, path, (ctx) => this.run(ctx, self, spec.subject, false, handler));
    if (agency) this.router.on(method, agencyPath, (ctx) => this.run(ctx, agency, "creator", true, handler));
    for (const r of [self, agency]) if (r) this.sb.mounted.push(r);
    return this;
  }

  private async run(ctx: Ctx, route: Route, subject: RouteSpec["subject"], viaAgency: boolean, handler: Handler) {
    const auth = authenticate(this.sb, ctx);
    const account = this.sb.world.accounts.get(auth.userUuid)!;
    const missing = route.scopes.filter((s) => !auth.scopes.has(s));
    if (missing.length) throw forbidden(`Insufficient scope: requires ${missing.join(", ")}`);
    let creator: CreatorWorld | undefined;
    if (viaAgency) {
      const creatorUuid = ctx.params.creatorUserUuid ?? "";
      assertUuid(creatorUuid, "creatorUserUuid");
      creator = this.sb.world.creators.get(creatorUuid);
      if (!creator || !managesCreator(this.sb, account.uuid, creatorUuid)) {
        throw forbidden("Creator is not part of your agency");
      }
    } else if (subject === "creator") {
      creator = this.sb.world.creators.get(account.uuid);
      if (!creator) throw forbidden("This endpoint is only available to creators");
    }
    ctx.bucket = `${auth.clientId}:${auth.userUuid}${viaAgency ? `:${creator!.account.uuid}` : ""}`;
    rateLimit(this.sb, ctx, ctx.bucket);
    holdRequest(this.sb, ctx, route);
    await handler(Object.assign(ctx, { auth, account, creator: creator!, viaAgency }) as ApiCtx);
  }
}

/** The agency admin (or a team member with access) manages the creator. */
export function managesCreator(sb: Sandbox, userUuid: string, creatorUuid: string) {
  for (const agency of sb.world.agencies.values()) {
    if (!agency.creatorUuids.includes(creatorUuid)) continue;
    const member = agency.team.find((m) => m.uuid === userUuid);
    if (member && (member.creatorUuids === null || member.creatorUuids.includes(creatorUuid))) return true;
  }
  return false;
}

export function checkVersion(ctx: Ctx, strict: boolean) {
  const v = ctx.req.headers["x-fanvue-api-version"];
  const value = Array.isArray(v) ? v[0] : v;
  if (value === API_VERSION) return;
  if (value && RETIRED_VERSIONS[value]) {
    throw new HttpError(410, {
      error: "API version no longer supported",
      message: `API version '${value}' was sunset on ${RETIRED_VERSIONS[value]}`,
      nextVersion: API_VERSION,
    });
  }
  if (!value && !strict) return;
  throw new HttpError(400, {
    error: "Unsupported API version",
    message: value ? `API version '${value}' is not supported` : "Missing X-Fanvue-API-Version header",
  });
}

export function authenticate(sb: Sandbox, ctx: Ctx): TokenAuth {
  if (ctx.auth) return ctx.auth;
  const header = ctx.req.headers.authorization ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header);
  if (!match) throw new HttpError(401, { error: "Missing bearer token" });
  const rec = sb.tokens.verifyAccess(match[1]!.trim());
  if (!rec) throw new HttpError(401, { error: "Invalid or expired access token" });
  ctx.auth = { userUuid: rec.userUuid, clientId: rec.clientId, scopes: new Set(rec.scopes), token: match[1]! };
  return ctx.auth;
}

/** Token bucket that refills fully every window (contract §4). Sets the
 * X-RateLimit-* headers on the reply; throws 429 with Retry-After when empty. */
export function rateLimit(sb: Sandbox, ctx: Ctx, key: string) {
  const now = sb.clock.now();
  const { limit, windowSec } = sb.config.rateLimit;
  let b = sb.buckets.get(key);
  if (!b || now >= b.resetAt) {
    b = { limit, remaining: limit, resetAt: now + windowSec * 1000 };
    sb.buckets.set(key, b);
  }
  const resetSec = Math.ceil(b.resetAt / 1000);
  if (b.remaining <= 0) {
    ctx.headers["X-RateLimit-Limit"] = String(b.limit);
    ctx.headers["X-RateLimit-Remaining"] = "0";
    ctx.headers["X-RateLimit-Reset"] = String(resetSec);
    throw new HttpError(
      429,
      { error: "Too Many Requests" },
      { "Retry-After": String(Math.max(1, Math.ceil((b.resetAt - now) / 1000))) },
    );
  }
  b.remaining--;
  ctx.headers["X-RateLimit-Limit"] = String(b.limit);
  ctx.headers["X-RateLimit-Remaining"] = String(b.remaining);
  ctx.headers["X-RateLimit-Reset"] = String(resetSec);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID_RE.test(s);

/** Malformed UUIDs → 400 `{message}` (InvalidUuidErrorResponse). */
export function assertUuid(value: string, name: string) {
  if (!isUuid(value)) throw new HttpError(400, { message: `${name} must be a valid UUID` });
}
