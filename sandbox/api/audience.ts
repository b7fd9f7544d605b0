// §5.7 Followers and subscribers, and the agency's online-subscribers route.
// Followers exclude active subscribers (the reference's description), which
// is also how /users/me counts them, so list lengths and fanCounts agree.
// The lists take `page` and `size` only; self GET /subscribers also takes
// `sortField` (name | subscribedAt) and `sortDirection` (asc | desc), as
// Fanvue's consolidated reference documents. Nothing else: Fanvue offers no
// search here (sandbox/contract.ts strips or refuses anything else).
import { send, validation, type Router } from "../http";
import type { Sandbox } from "../state";
import { isFollower, isSubscriber } from "../world/queries";
import type { CreatorWorld } from "../world/types";
import { enumParam, fanUserOf, iso, listParam, pageParams, paged } from "./common";
import { intQuery } from "./insights-time";
import { isUuid, type Api } from "./registry";

const SPEC = { subject: "creator" as const };

type Order = "followers" | `subscribers:${"name" | "subscribedAt"}:${"asc" | "desc"}`;

// Sorted indexes, kept per creator until the audience changes: sorting
// 100,000 fans on every page request would make the list slower than
// Fanvue's, and a full roster sync asks for 2,000 pages.
const cache = new WeakMap<CreatorWorld, { sig: number; orders: Map<Order, number[]> }>();

/** A checksum of what the orders depend on (status, dates, names' count):
 * O(n) arithmetic, ~1 ms at 100,000 fans, and no writer has to remember to
 * invalidate (simulations and tests change relations directly). */
function signature(c: CreatorWorld) {
  let h = c.relations.length | 0;
  for (let i = 0; i < c.relations.length; i++) {
    const r = c.relations[i]!;
    const s = r.status === "subscriber" ? 1 : r.status === "expired" ? 2 : 3;
    h =
      (Math.imul(h, 31) +
        s +
        ((r.followedAt / 1000) | 0) +
        (((r.subscribedAt ?? 0) / 1000) | 0) +
        c.fans[i]!.displayName.length) |
      0;
  }
  return h;
}

function build(c: CreatorWorld, order: Order): number[] {
  const out: number[] = [];
  if (order === "followers") {
    for (let i = 0; i < c.relations.length; i++) if (isFollower(c.relations[i]!)) out.push(i);
    // Newest follow first; index breaks ties so pages never reshuffle.
    return out.sort((a, b) => c.relations[b]!.followedAt - c.relations[a]!.followedAt || b - a);
  }
  for (let i = 0; i < c.relations.length; i++) if (isSubscriber(c.relations[i]!)) out.push(i);
  const [, field, dir] = order.split(":");
  const sign = dir === "asc" ? 1 : -1;
  if (field === "name") {
    const names = new Map(out.map((i) => [i, c.fans[i]!.displayName.toLowerCase()]));
    return out.sort(
      (a, b) => sign * (names.get(a)! < names.get(b)! ? -1 : names.get(a)! > names.get(b)! ? 1 : 0) || a - b,
    );
  }
  return out.sort(
    (a, b) => sign * ((c.relations[a]!.subscribedAt ?? 0) - (c.relations[b]!.subscribedAt ?? 0)) || b - a,
  );
}

export function audienceIdxs(c: CreatorWorld, order: Order): readonly number[] {
  const sig = signature(c);
  let entry = cache.get(c);
  if (!entry || entry.sig !== sig) cache.set(c, (entry = { sig, orders: new Map() }));
  let idxs = entry.orders.get(order);
  if (!idxs) entry.orders.set(order, (idxs = build(c, order)));
  return idxs;
}

export const followerIdxs = (c: CreatorWorld) => audienceIdxs(c, "followers");
/** Newest subscription first unless the request says otherwise. */
export const subscriberIdxs = (
  c: CreatorWorld,
  field: "name" | "subscribedAt" = "subscribedAt",
  dir: "asc" | "desc" = "desc",
) => audienceIdxs(c, `subscribers:${field}:${dir}`);

export function registerAudience(api: Api, _sb: Sandbox, _open: Router) {
  api.route("GET", "/followers", SPEC, (ctx) => {
    send(
      ctx,
      200,
      paged(followerIdxs(ctx.creator), pageParams(ctx), (i) => fanUserOf(ctx.creator, i)),
    );
  });

  // The agency form documents no sort: contract.ts has removed (or refused)
  // the two parameters before this runs, so it lists newest first.
  api.route("GET", "/subscribers", SPEC, (ctx) => {
    const field = enumParam(ctx, "sortField", ["name", "subscribedAt"] as const, "subscribedAt")!;
    const dir = enumParam(ctx, "sortDirection", ["asc", "desc"] as const, field === "name" ? "asc" : "desc")!;
    send(
      ctx,
      200,
      paged(subscriberIdxs(ctx.creator, field, dir), pageParams(ctx), (i) => fanUserOf(ctx.creator, i)),
    );
  });

  // Documented for agencies only: Api.route mounts what the reference lists.
  api.route("GET", "/subscribers/online", SPEC, (ctx) => {
    const limit = intQuery(ctx, "limit", 50, 1, 50);
    const wanted = listParam(ctx, "subscriberUuids");
    if (wanted.some((u) => !isUuid(u))) throw validation("subscriberUuids must contain only valid UUIDs");
    const only = wanted.length ? new Set(wanted.map((u) => u.toLowerCase())) : null;
    const c = ctx.creator;
    const online = subscriberIdxs(c).filter((i) => c.fans[i]!.isOnline && (!only || only.has(c.fans[i]!.uuid)));
    // Most recently seen first.
    online.sort((a, b) => (c.fans[b]!.lastSeenAt ?? 0) - (c.fans[a]!.lastSeenAt ?? 0) || a - b);
    send(ctx, 200, {
      data: online.slice(0, limit).map((i) => ({ uuid: c.fans[i]!.uuid, lastSeenAt: iso(c.fans[i]!.lastSeenAt) })),
      count: online.length,
    });
  });
}
