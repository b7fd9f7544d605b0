// Tracking links with clicks and the fans they brought in.
import type { Rng } from "./random";
import type { Relation, SocialPlatform, TrackingLink } from "./types";

const LINKS: [string, SocialPlatform][] = [
  ["Instagram bio", "instagram"],
  ["TikTok profile", "tiktok"],
  ["Reddit promo", "reddit"],
  ["X pinned post", "twitter"],
  ["Linktree", "other"],
];

export function seedTrackingLinks(rng: Rng, relations: Relation[], start: number, handle: string): TrackingLink[] {
  const links: TrackingLink[] = LINKS.map(([name, platform], i) => ({
    uuid: rng.uuid(),
    name,
    linkUrl: `${handle}-${rng.int(100000, 999999).toString(36)}`,
    externalSocialPlatform: platform,
    createdAt: start + i * 20 * 86_400_000,
    clicks: 0,
    deletedAt: null,
    metadata: new Map(),
  }));
  relations.forEach((r, fanIdx) => {
    if (!rng.chance(0.18)) return;
    const eligible = links.filter((l) => l.createdAt <= r.followedAt);
    if (!eligible.length) return;
    const link = rng.pick(eligible);
    r.trackingLinkUuid = link.uuid;
    if (rng.chance(0.3)) link.metadata.set(fanIdx, { utm_campaign: rng.pick(["spring", "launch", "collab"]) });
  });
  for (const l of links) {
    const acquired = relations.filter((r) => r.trackingLinkUuid === l.uuid).length;
    l.clicks = acquired * rng.int(4, 15) + rng.int(10, 200);
  }
  return links;
}
