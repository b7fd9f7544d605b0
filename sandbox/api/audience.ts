// §5.7 Followers and subscribers, and the agency's online-subscribers route.
// Followers exclude active subscribers (the old docs' reading), which is also
// how /users/me counts them, so list lengths and fanCounts always agree.
import { send, validation, type Ctx, type Router } from "../http";
import type { Sandbox } from "../state";
import { isFollower, isSubscriber } from "../world/queries";
import type { CreatorWorld } from "../world/types";
import { fanUserOf, iso, listParam, pageParams, paged } from "./common";
import { intQuery } from "./insights-time";
import { isUuid, type Api } from "./registry";

const SPEC = { subject: "creator" as const };

/** Optional `search` on name or handle (≤100 chars, as on /chats). */
function searchParam(ctx: Ctx): string | null {
  const q = ctx.query.get("search");
  if (q === null || q.trim() === "") return null;
  if (q.length > 100) throw validation("search must be at most 100 characters");
  return q.trim().toLowerCase();
}

function matches(c: CreatorWorld, i: number, q: string | null) {
  if (q === null) return true;
  const f = c.fans[i]!;
  const nick = c.relations[i]?.nickname ?? "";
  return f.handle.toLowerCase().includes(q) || f.displayName.toLowerCase().includes(q) || nick.toLowerCase().includes(q);
}

export function followerIdxs(c: CreatorWorld, q: string | null = null) {
  const out: number[] = [];
  for (let i = 0; i < c.relations.length; i++) if (isFollower(c.relations[i]!) && matches(c, i, q)) out.push(i);
  // Newest follow first; index breaks ties so pages never reshuffle.
  return out.sort((a, b) => c.relations[b]!.followedAt - c.relations[a]!.followedAt || b - a);
}

export function subscriberIdxs(c: CreatorWorld, q: string | null = null) {
  const out: number[] = [];
  for (let i = 0; i < c.relations.length; i++) if (isSubscriber(c.relations[i]!) && matches(c, i, q)) out.push(i);
  return out.sort((a, b) => (c.relations[b]!.subscribedAt ?? 0) - (c.relations[a]!.subscribedAt ?? 0) || b - a);
}

export function registerAudience(api: Api, _sb: Sandbox, _open: Router) {
  api.route("GET", "/followers", SPEC, (ctx) => {
    const p = pageParams(ctx);
    const q = searchParam(ctx);
    send(ctx, 200, paged(followerIdxs(ctx.creator, q), p, (i) => fanUserOf(ctx.creator, i)));
  });

  api.route("GET", "/subscribers", SPEC, (ctx) => {
    const p = pageParams(ctx);
    const q = searchParam(ctx);
    send(ctx, 200, paged(subscriberIdxs(ctx.creator, q), p, (i) => fanUserOf(ctx.creator, i)));
  });

  // Documented for agencies only; Api.route mounts the self path as well,
  // which answers the same way for a creator token.
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
