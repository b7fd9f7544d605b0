// Derived views over the world, shared by endpoints (and the seed) so that
// every count agrees with the list it summarises.
import type { CreatorWorld, Relation } from "./types";

export const SMART_LISTS = [
  { uuid: "subscribers", name: "Subscribers" },
  { uuid: "auto_renewing", name: "Auto-renewing" },
  { uuid: "non_renewing", name: "Non-renewing" },
  { uuid: "followers", name: "Followers" },
  { uuid: "free_trial_subscribers", name: "Free trial subscribers" },
  { uuid: "expired_subscribers", name: "Expired subscribers" },
  { uuid: "spent_more_than_50", name: "Spent more than $50" },
] as const;

export const isSubscriber = (r: Relation) => r.status === "subscriber";
/** Fanvue's followers list excludes fans with an active subscription. */
export const isFollower = (r: Relation) => r.status !== "subscriber";

export function audienceCounts(c: CreatorWorld) {
  let followersCount = 0;
  let subscribersCount = 0;
  for (const r of c.relations) {
    if (isSubscriber(r)) subscribersCount++;
    else followersCount++;
  }
  return { followersCount, subscribersCount };
}

export function contentCounts(c: CreatorWorld) {
  let imageCount = 0;
  let videoCount = 0;
  let audioCount = 0;
  for (const m of c.media) {
    if (m.status !== "ready") continue;
    if (m.mediaType === "image") imageCount++;
    else if (m.mediaType === "video") videoCount++;
    else if (m.mediaType === "audio") audioCount++;
  }
  const published = c.posts.filter((p) => p.publishedAt !== null);
  return {
    imageCount,
    videoCount,
    audioCount,
    postCount: published.length,
    payToViewPostCount: published.filter((p) => p.price !== null).length,
  };
}

const spendCache = new WeakMap<CreatorWorld, { version: number; gross: Float64Array }>();

/** Lifetime gross per fan (cents), cached until the ledger grows. */
export function lifetimeGross(c: CreatorWorld): Float64Array {
  const cached = spendCache.get(c);
  // Keyed on both sizes: a new fan (simulate/follow) needs a slot too.
  if (cached && cached.version === c.ledger.length && cached.gross.length === c.fans.length) return cached.gross;
  const gross = new Float64Array(c.fans.length);
  const l = c.ledger;
  for (let i = 0; i < l.length; i++) {
    const f = l.fanIdx[i]!;
    if (f >= 0 && f < gross.length) gross[f]! += l.gross[i]!;
  }
  spendCache.set(c, { version: l.length, gross });
  return gross;
}

/** Is the fan in the smart list now? Unknown ids match nobody. */
export function inSmartList(c: CreatorWorld, listId: string, fanIdx: number): boolean {
  const r = c.relations[fanIdx];
  if (!r) return false;
  switch (listId) {
    case "subscribers":
      return isSubscriber(r);
    case "auto_renewing":
      return isSubscriber(r) && r.autoRenew;
    case "non_renewing":
      return isSubscriber(r) && !r.autoRenew;
    case "followers":
      return isFollower(r);
    case "free_trial_subscribers":
      return isSubscriber(r) && r.onFreeTrial;
    case "expired_subscribers":
      return r.status === "expired";
    case "spent_more_than_50":
      return lifetimeGross(c)[fanIdx]! > 5000;
    default:
      return false;
  }
}

export function smartListMembers(c: CreatorWorld, listId: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.fans.length; i++) if (inSmartList(c, listId, i)) out.push(i);
  return out;
}

/** Recipients of a broadcast: union of included lists minus excluded ones,
 * contactable fans only. */
export function resolveAudience(
  c: CreatorWorld,
  included: { smartListUuids: string[]; customListUuids: string[] },
  excluded: { smartListUuids: string[]; customListUuids: string[] },
): number[] {
  const custom = (uuids: string[]) => c.customLists.filter((l) => uuids.includes(l.uuid));
  const inc = custom(included.customListUuids);
  const exc = custom(excluded.customListUuids);
  const out: number[] = [];
  for (let i = 0; i < c.fans.length; i++) {
    if (!c.relations[i]!.contactable) continue;
    const isIn = included.smartListUuids.some((id) => inSmartList(c, id, i)) || inc.some((l) => l.members.has(i));
    if (!isIn) continue;
    const isOut = excluded.smartListUuids.some((id) => inSmartList(c, id, i)) || exc.some((l) => l.members.has(i));
    if (!isOut) out.push(i);
  }
  return out;
}

/** Fan-insight status as Fanvue reports it. */
export function insightStatus(r: Relation): "subscriber" | "expired" | "follower" | "not_contactable" {
  if (!r.contactable) return "not_contactable";
  return r.status;
}
