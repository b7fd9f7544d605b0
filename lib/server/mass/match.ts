// Finding a campaign of ours in Fanvue's mass-message list (pure; unit-
// tested): used when a send's outcome is unclear, instead of resending.

/** Our and Fanvue's clocks may disagree by this much; a send may also wait
 * in the rate limiter before it leaves. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type Refs = { smartListUuids: string[]; customListUuids: string[] };
export type CampaignShape = { text: string | null; mediaUuids: string[]; price: number | null; included: Refs; excluded: Refs; attemptAt: Date };
export type SeenMass = { uuid: string; text: string | null; mediaUuids: string[]; price: number | null; createdAt: string | null; includedLists: Refs | null; excludedLists: Refs | null };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");
const sameRefs = (a: Refs | null, b: Refs) => (a ? same(a.smartListUuids, b.smartListUuids) && same(a.customListUuids, b.customListUuids) : true);

export function isSameCampaign(m: SeenMass, c: CampaignShape) {
  if ((m.text ?? null) !== (c.text ?? null) || (m.price ?? null) !== (c.price ?? null)) return false;
  if (!same(m.mediaUuids, c.mediaUuids)) return false;
  if (!sameRefs(m.includedLists, c.included) || !sameRefs(m.excludedLists, c.excluded)) return false;
  const at = m.createdAt ? Date.parse(m.createdAt) : NaN;
  return Number.isFinite(at) && at >= c.attemptAt.getTime() - CLOCK_SKEW_MS;
}

/** The oldest matching mass message not claimed by another campaign. */
export function findCampaign<T extends SeenMass>(items: T[], c: CampaignShape, claimed: Set<string>): T | null {
  const hits = items.filter((m) => !claimed.has(m.uuid) && isSameCampaign(m, c));
  hits.sort((a, b) => Date.parse(a.createdAt!) - Date.parse(b.createdAt!));
  return hits[0] ?? null;
}
