// Minimal HTTP toolkit for the sandbox: a router with path params, request
// context, body parsing and Fanvue's per-status error bodies (contract §2.3).
import type { IncomingMessage, ServerResponse } from "node:http";

export type Query = URLSearchParams;

export type Ctx = {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: Query;
  params: Record<string, string>;
  /** Raw request body (read once, before routing). */
  rawBody: Buffer;
  /** Set by the auth middleware for API routes. */
  auth?: TokenAuth;
  /** Rate-limit bucket key used for this request, for the call log. */
  bucket?: string;
  /** Extra response headers (rate limit) merged into every reply. */
  headers: Record<string, string>;
  /** Undocumented parameters/fields this request carried (sandbox/contract.ts). */
  undocumented?: string[];
  /** Checks a reply against the reference before it is sent; may throw. */
  checkResponse?: (status: number, body: unknown) => void;
};

export type TokenAuth = {
  userUuid: string;
  clientId: string;
  scopes: Set<string>;
  token: string;
};

export type Handler = (ctx: Ctx) => void | Promise<void>;

/** Thrown by handlers; rendered with the exact body Fanvue uses for that case. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(typeof body === "object" && body ? JSON.stringify(body) : String(body));
  }
}

// Error bodies differ by status on Fanvue; these helpers keep them exact.
export const validation = (...errors: string[]) => new HttpError(400, { errors });
export const badRequest = (message: string) => new HttpError(400, { message });
export const unauthorized = (error = "Unauthorized") => new HttpError(401, { error });
export const forbidden = (error = "Forbidden") => new HttpError(403, { error });
export const notFound = (message = "Not found") => new HttpError(404, { message });
export const conflict = (message: string) => new HttpError(409, { message });

export function send(ctx: Ctx, status: number, body?: unknown, headers: Record<string, string> = {}) {
  if (ctx.res.headersSent) return;
  const check = ctx.checkResponse;
  if (check) {
    // Once: an error reply of the check itself is not checked again.
    ctx.checkResponse = undefined;
    check(status, body);
  }
  const all = { ...ctx.headers, ...headers };
  if (body === undefined || status === 204) {
    ctx.res.writeHead(status, all);
    ctx.res.end();
    return;
  }
  if (typeof body === "string" && all["Content-Type"]) {
    ctx.res.writeHead(status, all);
    ctx.res.end(body);
    return;
  }
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    ...all,
  });
  ctx.res.end(text);
}

export function html(ctx: Ctx, status: number, body: string) {
  send(ctx, status, body, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
}

export function redirect(ctx: Ctx, location: string) {
  send(ctx, 302, undefined, { Location: location });
}

/** Parses the JSON body; malformed JSON is a validation error, never a 500. */
export function jsonBody(ctx: Ctx): Record<string, unknown> {
  if (ctx.rawBody.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.rawBody.toString("utf8"));
  } catch {
    throw validation("body must be valid JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw validation("body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

export function formBody(ctx: Ctx): URLSearchParams {
  return new URLSearchParams(ctx.rawBody.toString("utf8"));
}

type Route = { method: string; pattern: RegExp; keys: string[]; handler: Handler; template: string };

export class Router {
  private routes: Route[] = [];

  on(method: string, template: string, handler: Handler) {
    const keys: string[] = [];
    const source = template
      .split("/")
      .map((seg) => {
        if (seg.startsWith(":")) {
          keys.push(seg.slice(1));
          return "([^/]+)";
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, handler, template });
    return this;
  }

  get = (t: string, h: Handler) => this.on("GET", t, h);
  post = (t: string, h: Handler) => this.on("POST", t, h);
  patch = (t: string, h: Handler) => this.on("PATCH", t, h);
  put = (t: string, h: Handler) => this.on("PUT", t, h);
  delete = (t: string, h: Handler) => this.on("DELETE", t, h);

  /** Finds the route; `methodMismatch` tells a 405 from a 404. */
  match(method: string, path: string) {
    let methodMismatch = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      if (r.method !== method) {
        methodMismatch = true;
        continue;
      }
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => {
        try {
          params[k] = decodeURIComponent(m[i + 1] ?? "");
        } catch {
          throw new HttpError(400, { message: `path parameter ${k} is not valid URL encoding` });
        }
      });
      return { route: r, params, methodMismatch: false };
    }
    return { route: undefined, params: {}, methodMismatch };
  }
}

export async function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, { message: "payload too large" });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
