// The sandbox against Fanvue's reference (contract/fanvue): it serves only
// documented operations, every GET it serves validates against the
// reference's response schema, and it never acts on an undocumented
// parameter or field (lenient: ignored; strict: 400 naming it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResponse } from "../contract/fanvue/check";
import type { Route } from "../contract/fanvue/dsl";
import { ROUTES } from "../contract/fanvue/routes";
import { createSandbox, type RunningSandbox } from "./server";
import { API_HEADERS, authorize } from "./testing";

const client = { clientId: "contract", clientSecret: "contract-secret", redirectUri: "http://localhost/cb" };
const config = {
  port: 0,
  soloFans: 150,
  agencyFans: [60, 40, 30],
  // Every GET, several times over: the limit is not what is tested here.
  rateLimit: { limit: 100_000, windowSec: 60 },
  clients: [{ ...client, redirectUris: [client.redirectUri], name: "Contract" }],
};

/** Reference operations the sandbox does not emulate, and why. A new one
 * emulated, or a new one in the reference, changes this list on purpose. */
const NOT_EMULATED: Record<string, string> = {
  "GET /apps/{appUuid}/subscription/me": "app-store billing of third-party apps",
  "GET /apps/{appUuid}/subscription-status": "app-store billing of third-party apps",
  "GET /collections": "post collections: not used by Vuedeck",
  "POST /collections": "post collections: not used by Vuedeck",
  "PATCH /collections/{uuid}": "post collections: not used by Vuedeck",
  "DELETE /collections/{uuid}": "post collections: not used by Vuedeck",
  "GET /notifications": "Fanvue's notification feed: not used by Vuedeck",
  "GET /creators/{creatorUserUuid}/notifications": "Fanvue's notification feed: not used by Vuedeck",
  "GET /users/account": "account balance: not used yet",
  "GET /creators/{creatorUserUuid}/account": "account balance: not used yet",
  "POST /chats/messages/batch": "batched message reads: not used by Vuedeck",
  "PATCH /chats/mass-messages/{messageUuid}": "editing a scheduled mass message: not used by Vuedeck",
  "PATCH /creators/{creatorUserUuid}/chats/mass-messages/{messageUuid}":
    "editing a scheduled mass message: not used by Vuedeck",
  "GET /media/bulk": "bulk media lookup: not used by Vuedeck",
  "GET /media/{uuid}/entitled": "fan-side entitlement: not a creator tool",
  "GET /media/links/{uuid}/purchased": "media links: not used by Vuedeck",
  "POST /media/{uuid}/grant": "granting media: not used by Vuedeck",
  "DELETE /posts/{uuid}": "deleting posts: Vuedeck parks cancelled posts instead",
  "DELETE /creators/{creatorUserUuid}/posts/{uuid}": "deleting posts: Vuedeck parks cancelled posts instead",
  "POST /posts/{uuid}/comments": "commenting: not used by Vuedeck",
  "POST /creators/{creatorUserUuid}/posts/{uuid}/comments": "commenting: not used by Vuedeck",
  "DELETE /posts/{uuid}/comments/{commentUuid}": "commenting: not used by Vuedeck",
  "DELETE /creators/{creatorUserUuid}/posts/{uuid}/comments/{commentUuid}": "commenting: not used by Vuedeck",
  "POST /posts/{uuid}/pin": "pinning: not used by Vuedeck",
  "DELETE /posts/{uuid}/pin": "pinning: not used by Vuedeck",
  "POST /creators/{creatorUserUuid}/posts/{uuid}/pin": "pinning: not used by Vuedeck",
  "DELETE /creators/{creatorUserUuid}/posts/{uuid}/pin": "pinning: not used by Vuedeck",
  "POST /posts/{uuid}/repost": "reposting: not used by Vuedeck",
  "POST /creators/{creatorUserUuid}/posts/{uuid}/repost": "reposting: not used by Vuedeck",
};

const key = (r: Route) => `${r.method} ${r.path}`;

let strict: RunningSandbox;
let lenient: RunningSandbox;
const tokens = new Map<string, string>();

beforeAll(async () => {
  [strict, lenient] = await Promise.all([
    createSandbox({ ...config, strict: true }),
    createSandbox({ ...config, strict: false }),
  ]);
  for (const sb of [strict, lenient]) {
    for (const handle of ["luna", "atlas"])
      tokens.set(`${sb.url}:${handle}`, (await authorize(sb.url, client, handle)).tokens.access_token);
  }
});
afterAll(async () => {
  await Promise.all([strict?.close(), lenient?.close()]);
});

const byHandle = (sb: RunningSandbox, handle: string) =>
  [...sb.state.world.accounts.values()].find((a) => a.handle === handle)!;
const creatorOf = (sb: RunningSandbox, handle: string) => sb.state.world.creators.get(byHandle(sb, handle).uuid)!;

/** Who may call a route: agency routes act for @mia as @atlas; the rest as @luna. */
const actorOf = (r: Route) => (r.path.startsWith("/creators") || r.path.startsWith("/agencies") ? "atlas" : "luna");

/** A message with media in one of the creator's chats, read as a client would. */
async function messageWithMedia(sb: RunningSandbox, r: Route, creator: string, fans: string[]) {
  const prefix = r.path.startsWith("/creators/") ? `/creators/${creator}` : "";
  for (const fan of fans.slice(0, 40)) {
    const page = await call(sb, actorOf(r), "GET", `${prefix}/chats/${fan}/messages?size=50&markAsRead=false`);
    const m = ((page.body.data ?? []) as { uuid: string; mediaUuids: string[] }[]).find((x) => x.mediaUuids.length > 0);
    if (m) return { fan, message: m.uuid, media: m.mediaUuids };
  }
  throw new Error(`no message with media for ${key(r)}`);
}

/** Query values a route cannot do without (beyond dates and fans). */
const requiredQuery = new Map<string, Record<string, string>>();

/** Real path parameters from the seeded world, per route. */
async function pathOf(sb: RunningSandbox, r: Route): Promise<string> {
  const agency = r.path.startsWith("/creators/{creatorUserUuid}");
  const c = creatorOf(sb, agency ? "mia" : "luna");
  const chatFan = c.fans[[...c.chats.keys()][0]!]!.uuid;
  const linked =
    c.trackingLinks.find((l) => c.relations.some((x) => x.trackingLinkUuid === l.uuid)) ?? c.trackingLinks[0];
  const linkedFan = c.fans[c.relations.findIndex((x) => x.trackingLinkUuid === linked?.uuid)]?.uuid ?? c.fans[0]!.uuid;
  const uuidFor = () => {
    if (r.path.includes("/posts/")) return c.posts.find((p) => p.publishedAt !== null)!.uuid;
    if (r.path.includes("/media/")) return c.media.find((m) => m.status === "ready")!.uuid;
    if (r.path.includes("/lists/custom/")) return c.customLists[0]!.uuid;
    if (r.path.includes("/lists/smart/")) return "subscribers";
    if (r.path.includes("/tracking-links/")) return linked!.uuid;
    throw new Error(`no {uuid} for ${key(r)}`);
  };
  let uploadId: string | null = null;
  if (r.path.includes("{uploadId}")) {
    const res = await call(
      sb,
      actorOf(r),
      "POST",
      agency ? `/creators/${c.account.uuid}/media/uploads` : "/media/uploads",
      { name: "contract", filename: "a.jpg", mediaType: "image" },
    );
    uploadId = res.body.uploadId ?? null;
  }
  let withMedia: { fan: string; message: string; media: string[] } | null = null;
  if (r.path.includes("{messageUuid}")) {
    withMedia = await messageWithMedia(
      sb,
      r,
      c.account.uuid,
      [...c.chats.keys()].map((i) => c.fans[i]!.uuid),
    );
    requiredQuery.set(`${sb.url}:${key(r)}`, { mediaUuids: withMedia.media.join(",") });
  }
  const values: Record<string, string> = {
    creatorUserUuid: c.account.uuid,
    messageUuid: withMedia?.message ?? "",
    userUuid: withMedia?.fan ?? (r.path.includes("tracking-links") ? linkedFan : chatFan),
    templateUuid: c.templates[0]?.uuid ?? "",
    folderName: c.folders[0]?.name ?? "",
    partNumber: "1",
  };
  return r.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(name === "uuid" ? uuidFor() : name === "uploadId" ? uploadId! : values[name]!),
  );
}

/** Documented query values worth trying: the required ones alone, then each
 * enum value once. `fans`: uuids of the route's creator's fans. */
function queriesOf(r: Route, fans: string[] = [], sb?: RunningSandbox): URLSearchParams[] {
  const base = new URLSearchParams(sb ? requiredQuery.get(`${sb.url}:${key(r)}`) : undefined);
  const end = new Date();
  const start = new Date(end.getTime() - 30 * 86_400_000);
  for (const [name, p] of Object.entries(r.query)) {
    if (p.required && p.type === "date")
      base.set(name, (name.toLowerCase().includes("end") ? end : start).toISOString());
    if (p.required && name === "fanUuids") base.set(name, fans.slice(0, 3).join(","));
    if (name === "markAsRead") base.set(name, "false"); // reading must not change what a second read returns
  }
  const out = [base];
  for (const [name, p] of Object.entries(r.query)) {
    for (const v of p.type === "enum" ? p.values!.slice(0, 12) : []) {
      if (name === "markAsRead") continue;
      const q = new URLSearchParams(base);
      q.set(name, v);
      out.push(q);
    }
  }
  return out;
}

async function call(sb: RunningSandbox, handle: string, method: string, path: string, body?: unknown) {
  const res = await fetch(sb.url + path, {
    method,
    headers: {
      ...API_HEADERS(tokens.get(`${sb.url}:${handle}`)!),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // text/plain (the upload part URL)
  }
  return { status: res.status, body: parsed as Record<string, unknown> & { errors?: string[]; uploadId?: string } };
}

/** Signed URLs carry an expiry that moves with the clock: compare without it. */
const stable = (body: unknown) => JSON.stringify(body).replace(/\?exp=[^"]*/g, "");

describe("the route table", () => {
  it("holds every operation of the reference once, with its scopes", () => {
    expect(ROUTES.length).toBe(143);
    expect(new Set(ROUTES.map(key)).size).toBe(ROUTES.length);
    for (const r of ROUTES) expect(r.scopes.length, key(r)).toBeGreaterThan(0);
  });
});

describe("the sandbox serves exactly the reference", () => {
  it("mounts only documented operations, and names every documented one it leaves out", () => {
    const mounted = new Set(strict.state.mounted.map(key));
    const missing = ROUTES.map(key).filter((k) => !mounted.has(k));
    expect(missing.sort()).toEqual(Object.keys(NOT_EMULATED).sort());
    for (const k of mounted)
      expect(
        ROUTES.some((r) => key(r) === k),
        k,
      ).toBe(true);
  });

  it("answers every GET it serves with the reference's response schema (0 failures)", async () => {
    const gets = strict.state.mounted.filter((r) => r.method === "GET");
    const failures: string[] = [];
    let checked = 0;
    for (const r of gets) {
      const path = await pathOf(strict, r);
      for (const q of queriesOf(
        r,
        creatorOf(strict, "luna").fans.map((f) => f.uuid),
        strict,
      )) {
        const url = q.size ? `${path}?${q}` : path;
        const res = await call(strict, actorOf(r), "GET", url);
        checked++;
        if (res.status !== 200) failures.push(`${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        else failures.push(...checkResponse(r, 200, res.body).map((p) => `${url}: ${p}`));
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(gets.length);
    expect(strict.state.contractFindings).toEqual([]);
  }, 120_000);
});

describe("undocumented parameters and fields", () => {
  const extras = (r: Route) =>
    ["search", "filter", "sortBy", "variants", "zzUndocumented"].filter((n) => !(n in r.query));

  it("are ignored by a lenient sandbox, as Fanvue is expected to: the answer is the same without them", async () => {
    const gets = lenient.state.mounted.filter((r) => r.method === "GET");
    const differs: string[] = [];
    for (const r of gets) {
      const path = await pathOf(lenient, r);
      const base = queriesOf(
        r,
        creatorOf(lenient, "luna").fans.map((f) => f.uuid),
        lenient,
      )[0]!;
      const noisy = new URLSearchParams(base);
      for (const n of extras(r)) noisy.set(n, n === "filter" ? "unread" : "zz");
      const without = async () =>
        stable((await call(lenient, actorOf(r), "GET", base.size ? `${path}?${base}` : path)).body);
      const before = await without();
      const withExtras = stable((await call(lenient, actorOf(r), "GET", `${path}?${noisy}`)).body);
      // A second plain read absorbs a change the clock made in between.
      if (withExtras !== before && withExtras !== (await without())) differs.push(key(r));
    }
    expect(differs).toEqual([]);
    const findings = lenient.state.contractFindings.filter((f) => f.kind === "request");
    expect(findings.length).toBe(gets.length);
    expect(lenient.state.calls.filter((c) => c.undocumented?.includes("query.zzUndocumented")).length).toBe(
      gets.length,
    );
  }, 120_000);

  it("are refused by a strict sandbox with 400 naming each one, on every operation", async () => {
    const problems: string[] = [];
    for (const r of strict.state.mounted) {
      const path = await pathOf(strict, r).catch(() =>
        r.path.replace(/\{creatorUserUuid\}/, creatorOf(strict, "mia").account.uuid),
      );
      const res =
        r.method === "GET"
          ? await call(strict, actorOf(r), "GET", `${path}?zzUndocumented=1`)
          : await call(strict, actorOf(r), r.method, path, r.body ? { zzUndocumented: 1 } : { anything: true });
      const named = r.method === "GET" ? "query.zzUndocumented" : r.body ? "body.zzUndocumented" : "body";
      if (res.status !== 400 || !(res.body.errors ?? []).some((e) => e.startsWith(`${named} is not documented`))) {
        problems.push(`${key(r)}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
