// Test harness for the content contract tests (posts, media, uploads, vault,
// tracking links): one small in-process sandbox per test file, driven over
// real HTTP with tokens from the real OAuth flow.
import { createSandbox, type RunningSandbox } from "../server";
import { API_HEADERS, authorize, type ClientCreds } from "../testing";
import type { CreatorWorld } from "../world/types";

const client: ClientCreds = {
  clientId: "content-tests",
  clientSecret: "s3cret",
  redirectUri: "http://localhost:3999/cb",
};

export type Harness = {
  sb: RunningSandbox;
  token(handle: string, scopes?: string[]): Promise<string>;
  call(token: string, method: string, path: string, body?: unknown): Promise<Response>;
  json<T = any>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  uuidOf(handle: string): string;
  creator(handle: string): CreatorWorld;
  advance(seconds: number): Promise<void>;
  close(): Promise<void>;
};

export async function startContentSandbox(soloFans = 80): Promise<Harness> {
  const sb = await createSandbox({
    port: 0,
    soloFans,
    agencyFans: [30, 20, 20],
    // Tests move the clock by hours; tokens must outlive that.
    accessTokenTtlSec: 30 * 86_400,
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Content tests" }],
  });
  const tokens = new Map<string, string>();
  const h: Harness = {
    sb,
    async token(handle, scopes) {
      const key = `${handle}:${scopes?.join(" ") ?? "*"}`;
      let t = tokens.get(key);
      if (!t) tokens.set(key, (t = (await authorize(sb.url, client, handle, scopes)).tokens.access_token));
      return t;
    },
    call(token, method, path, body) {
      const headers: Record<string, string> = { ...API_HEADERS(token) };
      let payload: string | undefined;
      if (body !== undefined) {
        headers["Content-Type"] = "application/json";
        payload = typeof body === "string" ? body : JSON.stringify(body);
      }
      return fetch(`${sb.url}${path}`, { method, headers, body: payload });
    },
    async json(token, method, path, body) {
      const res = await h.call(token, method, path, body);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    uuidOf(handle) {
      const a = sb.state.world.byHandle.get(handle);
      if (!a) throw new Error(`no account @${handle}`);
      return a.uuid;
    },
    creator(handle) {
      const c = sb.state.world.creators.get(h.uuidOf(handle));
      if (!c) throw new Error(`@${handle} is not a creator`);
      return c;
    },
    async advance(seconds) {
      const res = await fetch(`${sb.url}/__sandbox/clock/advance`, {
        method: "POST",
        body: JSON.stringify({ seconds }),
      });
      if (res.status !== 200) throw new Error(`clock advance failed: ${res.status}`);
    },
    close: () => sb.close(),
  };
  return h;
}

/** Runs `fn` with the sandbox lenient (as Fanvue is expected to be: what
 * the reference does not document is ignored) and returns what it saw as
 * undocumented meanwhile. Tests run strict otherwise (SANDBOX_STRICT=1). */
export async function lenient<T>(h: Harness, fn: () => Promise<T>): Promise<{ result: T; undocumented: string[] }> {
  const config = h.sb.state.config;
  const was = config.strict;
  const before = h.sb.state.contractFindings.length;
  config.strict = false;
  try {
    const result = await fn();
    const undocumented = h.sb.state.contractFindings.slice(before).flatMap((f) => f.undocumented);
    return { result, undocumented };
  } finally {
    config.strict = was;
  }
}

/** Strict mode's refusal of undocumented parameters or fields. */
export const undocumentedBody = (names: string[], route: string) => ({
  errors: names.map((n) => `${n} is not documented for ${route} in Fanvue's API reference`),
});

/** Every page of a page-style list (asserting the envelope on the way). */
export async function allPages<T = any>(h: Harness, token: string, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page < 1000; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const { status, body } = await h.json(token, "GET", `${path}${sep}page=${page}&size=50`);
    if (status !== 200) throw new Error(`GET ${path} page ${page}: ${status} ${JSON.stringify(body)}`);
    if (body.pagination.size !== body.data.length) throw new Error("pagination.size must equal the rows returned");
    out.push(...body.data);
    if (!body.pagination.hasMore) return out;
  }
  throw new Error("too many pages");
}
