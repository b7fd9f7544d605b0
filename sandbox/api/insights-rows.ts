// Row shapes and the index-boundary cursor shared by the earnings and spending
// lists. The ledger only ever grows at its end with the newest times, so a
// cursor holding "rows with index < b" stays exact while rows are appended,
// where an offset would shift by one for every new row.
import { validation, type Ctx } from "../http";
import type { EarningSource } from "../world/ledger";
import type { CreatorWorld } from "../world/types";
import { iso } from "./common";

export const EARNINGS_FILTER = [
  "all",
  "affiliate",
  "appStore",
  "checkoutLink",
  "mediaLink",
  "message",
  "post",
  "referral",
  "renewal",
  "subscription",
  "tip",
  "giveaway",
] as const;

/** The FanUser subset insights rows carry (contract §5.8 example). */
export function fanRef(c: CreatorWorld, fanIdx: number) {
  const f = c.fans[fanIdx];
  if (!f) return null;
  return {
    uuid: f.uuid,
    handle: f.handle,
    displayName: f.displayName,
    nickname: c.relations[fanIdx]?.nickname ?? null,
    isTopSpender: f.isTopSpender,
  };
}

/** Which of messageUuid/postUuid a row's ref is: a tip's ref is a post when
 * the creator has that post, otherwise the chat message that carried it. */
export function refKind(c: CreatorWorld, source: EarningSource, ref: string | null): "post" | "message" | null {
  if (ref === null) return null;
  if (source === "post") return "post";
  if (source === "message") return "message";
  if (source === "tip") return c.postIndex.has(ref) ? "post" : "message";
  return null;
}

/** Fanvue holds a payment for a while before it can be paid out; the
 * reference names the two states but not the delay: a week here. */
const PENDING_MS = 7 * 24 * 3_600_000;

/** One ledger row as GET /insights/earnings lists it. `messageUuid` and
 * `postUuid` are optional and not nullable in the reference: absent when
 * the row has none. */
export function earningRow(c: CreatorWorld, i: number, now: number) {
  const r = c.ledger.row(i);
  const kind = refKind(c, r.source, r.ref);
  return {
    date: iso(r.at),
    gross: r.gross,
    net: r.net,
    currency: "USD",
    source: r.source,
    user: r.fanIdx >= 0 ? fanRef(c, r.fanIdx) : null,
    ...(kind === "message" ? { messageUuid: r.ref! } : {}),
    ...(kind === "post" ? { postUuid: r.ref! } : {}),
    transactionOrderId: r.orderId,
    transactionOrderStatus: now - r.at < PENDING_MS ? "pendingBalance" : "availableForPayout",
  };
}

/** A refund or chargeback as GET /insights/spending lists it. The reference
 * does not say which payment it reverses. */
export function spendingRow(c: CreatorWorld, i: number) {
  const s = c.spending[i]!;
  return {
    date: iso(s.at),
    gross: s.gross,
    net: s.net,
    currency: "USD",
    source: s.source,
    user: fanRef(c, s.fanIdx),
  };
}

/** `source` list filter; `all` (or nothing) means no filter. */
export function sourceFilter<T extends string>(ctx: Ctx, allowed: readonly T[]): Set<T> | null {
  const raw = ctx.query
    .getAll("source")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const s of raw) if (!allowed.includes(s as T)) throw validation(`source must be one of: ${allowed.join(", ")}`);
  if (raw.length === 0 || raw.includes("all")) return null;
  return new Set(raw as T[]);
}

const encode = (b: number) => Buffer.from(JSON.stringify({ b })).toString("base64url");

/** Upper index bound from `cursor` (exclusive), or null on a first call. */
export function boundCursor(ctx: Ctx, length: number): number | null {
  const raw = ctx.query.get("cursor");
  if (raw === null || raw === "") return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as { b?: unknown };
    const b = parsed.b;
    if (typeof b !== "number" || !Number.isInteger(b) || b < 0 || b > length) throw new Error();
    return b;
  } catch {
    throw validation("cursor is invalid");
  }
}

/** Newest-first page over indices [lo, hi) keeping those `keep` accepts. */
export function pageDown<R>(lo: number, hi: number, size: number, keep: (i: number) => boolean, map: (i: number) => R) {
  const data: R[] = [];
  let i = hi - 1;
  for (; i >= lo && data.length < size; i--) if (keep(i)) data.push(map(i));
  let more = false;
  for (let j = i; j >= lo; j--) {
    if (keep(j)) {
      more = true;
      break;
    }
  }
  return { data, nextCursor: more ? encode(i + 1) : null };
}
