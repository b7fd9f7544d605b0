import "server-only";
// Finding a campaign of ours in Fanvue's mass-message list (pure; unit-
// tested): used when a send's outcome is unclear, instead of resending.

/** Our and Fanvue's clocks may disagree by this much; a send may also wait
 * in the rate limiter before it leaves. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type Refs = { smartListUuids: string[]; customListUuids: string[] };
export type CampaignShape = {
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  included: Refs;
  excluded: Refs;
  attemptAt: Date;
};
/** What Fanvue's list tells about a mass message: no audience lists. */
export type SeenMass = {
  uuid: string;
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  createdAt: string | null;
};

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");
/** Same text, price and media, created after our attempt began. Fanvue's list
 * does not name the audience, so two identical messages to different lists
 * are told apart by `claimed` and by time (the oldest unclaimed wins). */
export function isSameCampaign(m: SeenMass, c: CampaignShape) {
  if ((m.text ?? null) !== (c.text ?? null) || (m.price ?? null) !== (c.price ?? null)) return false;
  if (!same(m.mediaUuids, c.mediaUuids)) return false;
  const at = m.createdAt ? Date.parse(m.createdAt) : NaN;
  return Number.isFinite(at) && at >= c.attemptAt.getTime() - CLOCK_SKEW_MS;
}

/** The oldest matching mass message not claimed by another campaign. */
export function findCampaign<T extends SeenMass>(items: T[], c: CampaignShape, claimed: Set<string>): T | null {
  const hits = items.filter((m) => !claimed.has(m.uuid) && isSameCampaign(m, c));
  hits.sort((a, b) => Date.parse(a.createdAt!) - Date.parse(b.createdAt!));
  return hits[0] ?? null;
}
