// Test-only helpers for the chat contract tests (sandbox/chats*.test.ts and
// siblings): a small in-process sandbox, tokens for the named accounts and a
// JSON caller that goes over real HTTP like a client would.
import { onEvent, type PlatformEvent } from "../events";
import { createSandbox, type RunningSandbox } from "../server";
import { ALL_APP_SCOPES, API_HEADERS, authorize, type ClientCreds } from "../testing";
import type { CreatorWorld } from "../world/types";

const client: ClientCreds = { clientId: "chats-test", clientSecret: "s3cret", redirectUri: "http://localhost:3999/cb" };

export type Reply = { status: number; body: any; headers: Headers };

export type ChatKit = {
  sb: RunningSandbox;
  /** Access token for a seeded handle (all scopes unless narrowed). */
  token: (handle: string, scopes?: string[]) => Promise<string>;
  call: (token: string, method: string, path: string, body?: unknown) => Promise<Reply>;
  creator: (handle: string) => CreatorWorld;
  uuidOf: (handle: string) => string;
  events: { event: PlatformEvent; payload: Record<string, unknown> }[];
  advanceClock: (seconds: number) => Promise<void>;
  close: () => Promise<void>;
};

/** `strict: false` serves like Fanvue (undocumented parameters and fields
 * ignored) instead of refusing them as every other test does. */
export async function startChatKit(soloFans = 100, opts: { strict?: boolean } = {}): Promise<ChatKit> {
  const sb = await createSandbox({
    port: 0,
    ...(opts.strict === undefined ? {} : { strict: opts.strict }),
    soloFans,
    agencyFans: [40, 30, 30],
    // Contract tests make many calls per token; rate limiting has its own tests.
    rateLimit: { limit: 1_000_000, windowSec: 60 },
    // Scheduling tests move the clock by hours; tokens must outlive that.
    accessTokenTtlSec: 30 * 86_400,
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "Chats test" }],
  });
  const cache = new Map<string, string>();
  const events: ChatKit["events"] = [];
  onEvent(sb.state, (event, payload) => events.push({ event, payload }));
  const uuidOf = (handle: string) => {
    const a = sb.state.world.byHandle.get(handle);
    if (!a) throw new Error(`no account @${handle}`);
    return a.uuid;
  };
  return {
    sb,
    events,
    uuidOf,
    creator: (handle) => sb.state.world.creators.get(uuidOf(handle))!,
    token: async (handle, scopes) => {
      const key = `${handle}:${(scopes ?? ALL_APP_SCOPES).join(" ")}`;
      let t = cache.get(key);
      if (!t) {
        t = (await authorize(sb.url, client, handle, scopes)).tokens.access_token;
        cache.set(key, t);
      }
      return t;
    },
    call: async (token, method, path, body) => {
      const headers: Record<string, string> = { ...API_HEADERS(token) };
      let payload: string | undefined;
      if (body !== undefined) {
        headers["Content-Type"] = "application/json";
        payload = typeof body === "string" ? body : JSON.stringify(body);
      }
      const res = await fetch(`${sb.url}${path}`, { method, headers, body: payload });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    advanceClock: async (seconds) => {
      const res = await fetch(`${sb.url}/__sandbox/clock/advance`, {
        method: "POST",
        body: JSON.stringify({ seconds }),
      });
      if (!res.ok) throw new Error(`clock advance failed: ${res.status}`);
    },
    close: () => sb.close(),
  };
}

/** Every page of a page-style list, checking the envelope on the way. */
export async function allPages(kit: ChatKit, token: string, path: string, size = 50): Promise<any[]> {
  const out: any[] = [];
  const sep = path.includes("?") ? "&" : "?";
  for (let page = 1; page < 1000; page++) {
    const r = await kit.call(token, "GET", `${path}${sep}page=${page}&size=${size}`);
    if (r.status !== 200) throw new Error(`${path} page ${page}: ${r.status} ${JSON.stringify(r.body)}`);
    if (r.body.pagination.size !== r.body.data.length || r.body.pagination.page !== page)
      throw new Error("bad pagination meta");
    out.push(...r.body.data);
    if (!r.body.pagination.hasMore) return out;
  }
  throw new Error("too many pages");
}

export const longText = (n: number) => "x".repeat(n);
