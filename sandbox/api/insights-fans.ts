// Fan insights (§5.8): GET /insights/fans/{userUuid}, GET /insights/fans?fanUuids=
// and POST /insights/fans/batch, plus the admin switch that makes chosen
// entries fail with `internal`. A fan's spending is the sum of their ledger
// rows, so it always equals the sum of their /insights/earnings rows. Fanvue
// documents no creator-scoped variant for agencies, so none is mounted.
import { badRequest, HttpError, jsonBody, send, validation, type Router } from "../http";
import type { Sandbox } from "../state";
import { EARNING_SOURCES, type EarningSource } from "../world/ledger";
import { insightStatus } from "../world/queries";
import { hashToInt } from "../world/random";
import type { CreatorWorld } from "../world/types";
import { iso, listParam, uuidList, uuidParam } from "./common";
import { isUuid, type Api } from "./registry";

/** Ledger sources → `sources` keys. The reference leaves the keys open; its
 * example uses `subscription` and `tips`, and the other names come from its
 * earnings-source enum (so `renewal` is a key of its own, as a reference-
 * following Fanvue may send it, and the app must label it). */
const SOURCE_KEY: Record<EarningSource, string> = {
  subscription: "subscription",
  renewal: "renewal",
  tip: "tips",
  message: "message",
  post: "post",
  referral: "referral",
  affiliate: "affiliate",
  giveaway: "giveaway",
  mediaLink: "mediaLink",
  checkoutLink: "checkoutLink",
  appStore: "appStore",
};
const ALWAYS = ["subscription", "tips", "message", "post", "referral"];

const amount = (cents: number) => ({ gross: cents, total: cents });

export function fanInsights(c: CreatorWorld, fanIdx: number) {
  const rel = c.relations[fanIdx]!;
  const l = c.ledger;
  let total = 0;
  let max = 0;
  let last: number | null = null;
  const sums = new Map<string, number>(ALWAYS.map((k) => [k, 0]));
  for (const i of l.rowsOfFan(fanIdx)) {
    const g = l.gross[i]!;
    total += g;
    max = Math.max(max, g);
    last = Math.max(last ?? 0, l.at[i]!);
    const key = SOURCE_KEY[EARNING_SOURCES[l.source[i]!]!];
    sums.set(key, (sums.get(key) ?? 0) + g);
  }
  const sources: Record<string, { gross: number; total: number }> = {};
  for (const [k, v] of sums) sources[k] = amount(v);
  const active = rel.status === "subscriber";
  return {
    status: insightStatus(rel),
    spending: { lastPurchaseAt: iso(last), total: amount(total), maxSinglePayment: amount(max), sources },
    // Always an object (required, not nullable): a fan who never subscribed
    // has null dates and auto-renewal off.
    subscription: {
      createdAt: iso(rel.subscribedAt),
      renewsAt: active ? iso(rel.renewsAt) : null,
      autoRenewalEnabled: active && rel.autoRenew,
    },
  };
}

type Lookup = { ok: true; idx: number } | { ok: false; error: "not_found" | "forbidden" };

/** Accounts that exist but are not this creator's fans (creators, agencies,
 * team members) are forbidden; anything else unknown is not_found. */
function lookup(sb: Sandbox, c: CreatorWorld, uuid: string): Lookup {
  const idx = c.fanIndex.get(uuid);
  if (idx !== undefined) return { ok: true, idx };
  const acc = sb.world.accounts.get(uuid);
  return { ok: false, error: acc && acc.kind !== "fan" ? "forbidden" : "not_found" };
}

// ─── The `internal` switch ───────────────────────────────────────────────────

type InternalSwitch = { uuids: string[] | null; rate: number; times: number | null };
const switches = new WeakMap<Sandbox, InternalSwitch>();

/** Entries of this request that fail with `internal`; one request with any
 * failure uses up one of `times`. The rate pick hashes the uuid, so the same
 * entries fail on every request while the switch is on. */
function internalFailures(sb: Sandbox, uuids: string[]): Set<string> {
  const sw = switches.get(sb);
  const out = new Set<string>();
  if (!sw) return out;
  for (const u of uuids) {
    const listed = sw.uuids === null || sw.uuids.includes(u.toLowerCase());
    if (listed && hashToInt(`internal:${u.toLowerCase()}`) / 2 ** 32 < sw.rate) out.add(u);
  }
  if (out.size && sw.times !== null && --sw.times <= 0) switches.delete(sb);
  return out;
}

function parseSwitch(body: Record<string, unknown>): InternalSwitch {
  let uuids: string[] | null = null;
  if (body.uuids !== undefined && body.uuids !== null) {
    if (!Array.isArray(body.uuids) || body.uuids.some((u) => typeof u !== "string" || !isUuid(u)))
      throw badRequest("uuids must be an array of UUIDs");
    uuids = (body.uuids as string[]).map((u) => u.toLowerCase());
  }
  const rate = body.rate ?? 1;
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) throw badRequest("rate must be a number between 0 and 1");
  const times = body.times ?? null;
  if (times !== null && (typeof times !== "number" || !Number.isInteger(times) || times < 1))
    throw badRequest("times must be a positive integer");
  return { uuids, rate, times };
}

export function registerFanInsights(api: Api, sb: Sandbox, open: Router) {
  const spec = { subject: "creator" as const };

  api.route("GET", "/insights/fans/:userUuid", spec, (ctx) => {
    const uuid = uuidParam(ctx, "userUuid");
    const idx = ctx.creator.fanIndex.get(uuid);
    if (idx === undefined) throw new HttpError(404, { message: "Fan not found" });
    send(ctx, 200, fanInsights(ctx.creator, idx));
  });

  api.route("GET", "/insights/fans", spec, (ctx) => {
    const uuids = [...new Set(listParam(ctx, "fanUuids"))];
    if (uuids.length === 0) throw validation("fanUuids is required");
    if (uuids.length > 20) throw validation("fanUuids must contain at most 20 items");
    if (uuids.some((u) => !isUuid(u))) throw validation("fanUuids must contain only valid UUIDs");
    const failing = internalFailures(sb, uuids);
    const results: Record<string, unknown> = {};
    const errors: { fanUuid: string; code: "NOT_FOUND" | "INTERNAL"; message: string }[] = [];
    for (const u of uuids) {
      const found = failing.has(u) ? null : lookup(sb, ctx.creator, u);
      if (found?.ok) {
        results[u] = fanInsights(ctx.creator, found.idx);
        continue;
      }
      results[u] = null;
      errors.push(
        found
          ? { fanUuid: u, code: "NOT_FOUND", message: "fan not found or not connected to this creator" }
          : { fanUuid: u, code: "INTERNAL", message: "internal error while loading fan insights" },
      );
    }
    send(ctx, 200, { results, errors });
  });

  api.route("POST", "/insights/fans/batch", spec, (ctx) => {
    const body = jsonBody(ctx);
    const uuids = uuidList(body.userUuids, "userUuids", 100, 1);
    const failing = internalFailures(sb, uuids);
    const out: Record<string, unknown> = {};
    for (const u of uuids) {
      if (failing.has(u)) {
        out[u] = { error: "internal" };
        continue;
      }
      const found = lookup(sb, ctx.creator, u);
      out[u] = found.ok ? fanInsights(ctx.creator, found.idx) : { error: found.error };
    }
    send(ctx, 200, out);
  });

  if (!sb.config.admin) return;
  open.get("/__sandbox/insights/internal", (ctx) => send(ctx, 200, switches.get(sb) ?? null));
  open.post("/__sandbox/insights/internal", (ctx) => {
    const sw = parseSwitch(jsonBody(ctx));
    switches.set(sb, sw);
    send(ctx, 200, sw);
  });
  open.delete("/__sandbox/insights/internal", (ctx) => {
    switches.delete(sb);
    send(ctx, 204);
  });
}
