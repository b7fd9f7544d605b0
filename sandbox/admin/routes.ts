// /__sandbox/* — the tests' lever: call log, fault switches, clock, token
// expiry and seeded-account listing. Off unless `config.admin`.
import { randomUUID } from "node:crypto";
import { badRequest, jsonBody, notFound, send, type Router } from "../http";
import type { Fault, Sandbox } from "../state";

/** `*` = one path segment, `**` = anything. */
export function globToRegExp(glob: string) {
  const escaped = glob
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]+"),
    )
    .join(".*");
  return new RegExp(`^${escaped}/?$`);
}

function parseFault(body: Record<string, unknown>): Fault {
  const path = body.path;
  if (typeof path !== "string" || !path.startsWith("/")) throw badRequest("path must be a glob starting with /");
  const num = (k: string) => {
    const v = body[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw badRequest(`${k} must be a non-negative number`);
    return v;
  };
  const drop = body.drop ?? null;
  if (drop !== null && drop !== "before" && drop !== "after") throw badRequest('drop must be "before" or "after"');
  const status = num("status");
  if (status !== null && (status < 100 || status > 599)) throw badRequest("status must be an HTTP status");
  return {
    id: randomUUID(),
    method: typeof body.method === "string" ? body.method.toUpperCase() : null,
    path,
    pattern: globToRegExp(path),
    status,
    body: body.body ?? null,
    retryAfter: num("retryAfter"),
    latencyMs: num("latencyMs") ?? 0,
    drop: drop as Fault["drop"],
    remaining: num("times"),
    hits: 0,
  };
}

export function registerAdmin(router: Router, sb: Sandbox) {
  router.get("/__sandbox/health", (ctx) => send(ctx, 200, { ok: true, now: new Date(sb.clock.now()).toISOString() }));

  router.get("/__sandbox/accounts", (ctx) =>
    send(
      ctx,
      200,
      [...sb.world.accounts.values()].map((a) => ({
        uuid: a.uuid,
        handle: a.handle,
        displayName: a.displayName,
        kind: a.kind,
        fans: sb.world.creators.get(a.uuid)?.fans.length ?? null,
      })),
    ),
  );

  router.get("/__sandbox/calls", (ctx) => {
    const since = Number(ctx.query.get("since") ?? 0);
    const path = ctx.query.get("path");
    const re = path ? globToRegExp(path) : null;
    const calls = sb.calls.filter((c) => c.seq > since && (!re || re.test(c.path)));
    const byRoute: Record<string, number> = {};
    for (const c of calls) {
      const key = `${c.method} ${c.route ?? c.path}`;
      byRoute[key] = (byRoute[key] ?? 0) + 1;
    }
    const byStatus: Record<string, number> = {};
    for (const c of calls) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    send(ctx, 200, {
      total: calls.length,
      lastSeq: sb.callSeq,
      byRoute,
      byStatus,
      calls: ctx.query.get("summary") ? [] : calls,
    });
  });

  router.delete("/__sandbox/calls", (ctx) => {
    sb.calls.length = 0;
    send(ctx, 204);
  });

  // What broke Fanvue's reference so far (sandbox/contract.ts), by route.
  router.get("/__sandbox/contract", (ctx) => {
    const byRoute: Record<string, { requests: number; responses: number; undocumented: string[] }> = {};
    for (const f of sb.contractFindings) {
      const r = (byRoute[f.route] ??= { requests: 0, responses: 0, undocumented: [] });
      if (f.kind === "request") r.requests++;
      else r.responses++;
      for (const u of f.undocumented) if (!r.undocumented.includes(u)) r.undocumented.push(u);
    }
    send(ctx, 200, {
      strict: sb.config.strict,
      total: sb.contractFindings.length,
      byRoute,
      findings: sb.contractFindings,
    });
  });

  router.delete("/__sandbox/contract", (ctx) => {
    sb.contractFindings.length = 0;
    send(ctx, 204);
  });

  router.get("/__sandbox/faults", (ctx) =>
    send(
      ctx,
      200,
      sb.faults.map(({ pattern: _p, ...f }) => f),
    ),
  );
  router.post("/__sandbox/faults", (ctx) => {
    const fault = parseFault(jsonBody(ctx));
    sb.faults.push(fault);
    const { pattern: _p, ...out } = fault;
    send(ctx, 201, out);
  });
  router.delete("/__sandbox/faults", (ctx) => {
    sb.faults.length = 0;
    send(ctx, 204);
  });
  router.delete("/__sandbox/faults/:id", (ctx) => {
    const i = sb.faults.findIndex((f) => f.id === ctx.params.id);
    if (i < 0) throw notFound("no such fault");
    sb.faults.splice(i, 1);
    send(ctx, 204);
  });

  router.get("/__sandbox/clock", (ctx) =>
    send(ctx, 200, { now: new Date(sb.clock.now()).toISOString(), offsetSec: sb.clock.offsetMs / 1000 }),
  );
  router.post("/__sandbox/clock/advance", (ctx) => {
    const { seconds } = jsonBody(ctx);
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0)
      throw badRequest("seconds must be a non-negative number");
    sb.clock.advance(seconds);
    send(ctx, 200, { now: new Date(sb.clock.now()).toISOString() });
  });

  router.post("/__sandbox/tokens/expire", (ctx) => {
    const { handle } = jsonBody(ctx);
    let userUuid: string | null = null;
    if (typeof handle === "string") {
      const acc = sb.world.byHandle.get(handle);
      if (!acc) throw notFound(`no account @${handle}`);
      userUuid = acc.uuid;
    }
    send(ctx, 200, { expired: sb.tokens.expireAccessFor(userUuid) });
  });

  // Rate buckets an account is part of (as the caller, or as the creator on
  // /creators/{c} routes), as of now: lets tests wait for a fresh window
  // instead of depending on what earlier tests spent.
  router.get("/__sandbox/rate", (ctx) => {
    const acc = sb.world.byHandle.get(ctx.query.get("handle") ?? "");
    if (!acc) throw notFound("unknown handle");
    const now = sb.clock.now();
    const buckets = [...sb.buckets.entries()]
      .filter(([key, b]) => key.split(":").includes(acc.uuid) && b.resetAt > now)
      .map(([key, b]) => ({ key, limit: b.limit, remaining: b.remaining, resetInMs: b.resetAt - now }));
    send(ctx, 200, { limit: sb.config.rateLimit.limit, buckets });
  });

  // Live tokens of an account: lets tests prove no token leaks into our
  // database dump, pages or bundles.
  router.get("/__sandbox/oauth/tokens", (ctx) => {
    const acc = sb.world.byHandle.get(ctx.query.get("handle") ?? "");
    if (!acc) throw notFound("unknown handle");
    const live = <T extends { userUuid: string; revoked: boolean }>(m: Map<string, T>) =>
      [...m.entries()].filter(([, r]) => r.userUuid === acc.uuid && !r.revoked).map(([t]) => t);
    send(ctx, 200, { access: live(sb.tokens.access), refresh: live(sb.tokens.refresh) });
  });

  // Revokes every token chain of an account, as when a user disconnects the
  // app on Fanvue: the next refresh answers invalid_grant.
  router.post("/__sandbox/oauth/revoke", (ctx) => {
    const { handle } = jsonBody(ctx);
    const acc = typeof handle === "string" ? sb.world.byHandle.get(handle) : undefined;
    if (!acc) throw notFound("unknown handle");
    const families = new Set(
      [...sb.tokens.refresh.values(), ...sb.tokens.access.values()]
        .filter((r) => r.userUuid === acc.uuid)
        .map((r) => r.familyId),
    );
    for (const f of families) sb.tokens.revokeFamily(f);
    send(ctx, 200, { revokedFamilies: families.size });
  });

  router.get("/__sandbox/oauth/stats", (ctx) =>
    send(ctx, 200, { ...sb.tokens.stats, revokedFamilies: sb.tokens.revokedFamilies.size }),
  );
}
