// Derived views over the world, shared by endpoints so counts always agree
// with the lists they summarise.
import type { CreatorWorld } from "./types";

/** Followers = fans without an active subscription; subscribers = active. */
export function audienceCounts(c: CreatorWorld) {
  let followersCount = 0;
  let subscribersCount = 0;
  for (const r of c.relations) {
    if (r.status === "subscriber") subscribersCount++;
    else followersCount++;
  }
  return { followersCount, subscribersCount };
}

export function contentCounts(_c: CreatorWorld) {
  return { imageCount: 0, videoCount: 0, audioCount: 0, postCount: 0, payToViewPostCount: 0 };
}
