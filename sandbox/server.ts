// The Fanvue sandbox server: one node:http server answering OAuth, the API,
// generated assets and (when enabled) the /__sandbox admin API.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { registerAdmin } from "./admin/routes";
import { registerAgency } from "./api/agency";
import { registerAudience } from "./api/audience";
import { registerChats } from "./api/chats";
import { registerContent } from "./api/content";
import { registerInsights } from "./api/insights";
import { Api, checkVersion } from "./api/registry";
import { registerUsers } from "./api/users";
import { registerAssets } from "./assets";
import { defaultConfig, type SandboxConfig } from "./config";
import { HttpError, readBody, Router, send, type Ctx } from "./http";
import { registerOAuth } from "./oauth/routes";
import { createState, type Fault, type Sandbox } from "./state";
import { registerWebhooks } from "./webhooks";
import { seedWorld } from "./world/seed";

export type RunningSandbox = {
  url: string;
  port: number;
  state: Sandbox;
  close: () => Promise<void>;
};

const MAX_CALLS = 100_000;

function queryObject(q: URLSearchParams) {
  const out: Record<string, string | string[]> = {};
  for (const k of new Set(q.keys())) {
    const all = q.getAll(k);
    out[k] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

function findFault(sb: Sandbox, method: string, path: string): Fault | undefined {
  const f = sb.faults.find((x) => (!x.method || x.method === method) && x.pattern.test(path) && x.remaining !== 0);
  if (f) {
    f.hits++;
    if (f.remaining !== null) f.remaining--;
  }
  return f;
}

export async function createSandbox(overrides: Partial<SandboxConfig> = {}): Promise<RunningSandbox> {
  const config = defaultConfig(overrides);
  // Bind first: the public URL (issuer, asset URLs) depends on the real port.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_q, s) => {
    s.writeHead(503).end();
  };
  const server = createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const publicUrl = config.publicUrl ?? `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}`;

  const world = seedWorld({
    seed: config.seed,
    anchor: config.anchor,
    soloFans: config.soloFans,
    agencyFans: config.agencyFans,
    months: config.months,
    publicUrl,
    now: Date.now(),
  });
  const sb = createState(config, world, publicUrl);

  const open = new Router();
  registerOAuth(open, sb);
  registerAssets(open, sb);
  if (config.admin) registerAdmin(open, sb);
  const apiRouter = new Router();
  const api = new Api(apiRouter, sb);
  registerUsers(api, sb);
  registerChats(api, sb, open);
  registerContent(api, sb, open);
  registerAudience(api, sb, open);
  registerInsights(api, sb, open);
  registerAgency(api, sb, open);
  registerWebhooks(open, sb);

  handler = (req, res) => {
    void handle(sb, open, apiRouter, req, res);
  };

  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return {
    url: publicUrl,
    port,
    state: sb,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(sb: Sandbox, open: Router, api: Router, req: IncomingMessage, res: ServerResponse) {
  const started = performance.now();
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  const ctx: Ctx = {
    req,
    res,
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    params: {},
    rawBody: Buffer.alloc(0),
    // The server's own clock, as Fanvue's Date header is; it can be advanced.
    headers: { Date: new Date(sb.clock.now()).toUTCString() },
  };
  const isAdmin = ctx.path.startsWith("/__sandbox");
  let routeTemplate: string | null = null;
  try {
    ctx.rawBody = await readBody(req);
    const fault = isAdmin ? undefined : findFault(sb, ctx.method, ctx.path);
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    if (fault?.drop === "before") {
      req.socket.destroy();
      return;
    }
    if (fault && fault.status !== null) {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== null) headers["Retry-After"] = String(fault.retryAfter);
      throw new HttpError(fault.status, fault.body ?? defaultFaultBody(fault.status), headers);
    }
    const openMatch = open.match(ctx.method, ctx.path);
    if (openMatch.route) {
      routeTemplate = openMatch.route.template;
      ctx.params = openMatch.params;
      await runMaybeDropped(ctx, fault, () => openMatch.route!.handler(ctx));
      return;
    }
    if (isAdmin) throw new HttpError(404, { message: "unknown sandbox admin route" });
    checkVersion(ctx, sb.config.strictVersion);
    const m = api.match(ctx.method, ctx.path);
    if (!m.route) {
      throw new HttpError(m.methodMismatch ? 405 : 404, {
        message: m.methodMismatch ? "Method not allowed" : "Not found",
      });
    }
    routeTemplate = m.route.template;
    ctx.params = m.params;
    await runMaybeDropped(ctx, fault, () => m.route!.handler(ctx));
  } catch (err) {
    if (err instanceof HttpError) {
      send(ctx, err.status, err.body, err.extraHeaders);
    } else {
      console.error("[sandbox] unhandled error", ctx.method, ctx.path, err);
      send(ctx, 500, { error: "Internal Server Error" });
    }
  } finally {
    if (!isAdmin) record(sb, ctx, routeTemplate, performance.now() - started);
  }
}

/** "after" faults run the handler (state is committed) but drop the reply. */
async function runMaybeDropped(ctx: Ctx, fault: Fault | undefined, run: () => void | Promise<void>) {
  if (fault?.drop !== "after") return run();
  const res = ctx.res;
  res.writeHead = (() => res) as typeof res.writeHead;
  res.end = (() => {
    ctx.req.socket.destroy();
    return res;
  }) as typeof res.end;
  await run();
}

function defaultFaultBody(status: number) {
  if (status === 429) return { error: "Too Many Requests" };
  if (status === 401) return { error: "Invalid or expired access token" };
  if (status === 403) return { error: "Forbidden" };
  if (status === 404) return { message: "Not found" };
  if (status === 400) return { errors: ["fault injected"] };
  return { error: status >= 500 ? "Internal Server Error" : "Error" };
}

function record(sb: Sandbox, ctx: Ctx, route: string | null, ms: number) {
  sb.calls.push({
    seq: ++sb.callSeq,
    at: new Date(sb.clock.now()).toISOString(),
    method: ctx.method,
    path: ctx.path,
    route,
    query: queryObject(ctx.query),
    status: ctx.res.statusCode,
    bucket: ctx.bucket ?? null,
    userUuid: ctx.auth?.userUuid ?? null,
    ms: Math.round(ms * 10) / 10,
    ...(ctx.undocumented?.length ? { undocumented: ctx.undocumented } : {}),
  });
  if (sb.calls.length > MAX_CALLS) sb.calls.splice(0, sb.calls.length - MAX_CALLS);
  if (sb.config.log) console.log(`[sandbox] ${ctx.method} ${ctx.path} → ${ctx.res.statusCode} ${ms.toFixed(1)}ms`);
}
