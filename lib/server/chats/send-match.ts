import "server-only";
// Finding a send of ours in a conversation (pure; unit-tested). Used when the
// outcome of a call is unclear (connection lost after Fanvue may have acted):
// the conversation, not a blind resend, decides whether it went out.

/** Fanvue's and our clocks may disagree by this much (and a send may sit in
 * the rate limiter's queue before it leaves). */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type SentShape = { text: string | null; mediaUuids: string[]; price: number | null; attemptAt: Date };
export type SeenMessage = {
  uuid: string;
  fromCreator: boolean;
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  sentAt: string | null;
};

const sameMedia = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function isSameMessage(m: SeenMessage, s: SentShape) {
  if (!m.fromCreator) return false;
  if ((m.text ?? null) !== (s.text ?? null)) return false;
  if ((m.price ?? null) !== (s.price ?? null)) return false;
  if (!sameMedia(m.mediaUuids, s.mediaUuids)) return false;
  const at = m.sentAt ? Date.parse(m.sentAt) : NaN;
  return Number.isFinite(at) && at >= s.attemptAt.getTime() - CLOCK_SKEW_MS;
}

/** The oldest matching message not already claimed by another send. */
export function findSent<T extends SeenMessage>(messages: T[], s: SentShape, claimed: Set<string>): T | null {
  const candidates = messages.filter((m) => !claimed.has(m.uuid) && isSameMessage(m, s));
  candidates.sort((a, b) => Date.parse(a.sentAt!) - Date.parse(b.sentAt!));
  return candidates[0] ?? null;
}
