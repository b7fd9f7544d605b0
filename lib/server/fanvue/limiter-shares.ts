import "server-only";

// How one Fanvue rate bucket (200 calls a window) is split between the kinds
// of call that share it. Pure arithmetic, so the numbers can be checked alone
// (limiter.test.ts); the limiter (./limiter.ts) applies them per window.
//
// - "write": a change a person makes (a chat send, a mass message, a post).
//   May use every token, including the send reserve nobody else may touch.
// - "read": a person's page or click. Leaves the send reserve, and one
//   member's reads are capped at a share of what reads may use.
// - "background": bulk work. Leaves the send reserve and, on top of it, a
//   reserve for people's reads (larger while someone is using the app),
//   released in the window's last part down to a couple of tokens.

export type Lane = "write" | "read" | "background";

export type ShareOptions = {
  /** Share of the bucket only writes may use (0 or unset: none). */
  sendReserveShare?: number;
  /** Most one member's reads may use of the read portion per window
   * (unset: no cap). */
  memberShare?: number;
  /** Share background work leaves for people's reads. */
  reserveShare: number;
  /** The share left while someone used the app recently. */
  activeReserveShare?: number;
};

export type WindowState = { limit: number; releasing: boolean; inUse: boolean };

/** Tokens per window that only writes may take. */
export const sendReserve = (limit: number, o: Pick<ShareOptions, "sendReserveShare">) =>
  Math.ceil(limit * (o.sendReserveShare ?? 0));

/** Most reads one member may be granted per window (Infinity: no cap). At
 * least one, so a tiny bucket still lets everyone read something. */
export function memberCap(limit: number, o: Pick<ShareOptions, "sendReserveShare" | "memberShare">) {
  if (o.memberShare === undefined) return Infinity;
  return Math.max(1, Math.floor((limit - sendReserve(limit, o)) * o.memberShare));
}

/** Even while released, background work leaves this much for a sign-in or a
 * page load on the same account, so they do not meet a 429 made by our sync. */
const RELEASED_PEOPLE_RESERVE = 2;

/** Tokens a call in `lane` must leave free: it may go while free > floor. */
export function floorFor(lane: Lane, w: WindowState, o: ShareOptions) {
  const sends = sendReserve(w.limit, o);
  if (lane === "write") return 0;
  if (lane === "read") return sends;
  const people = Math.ceil(w.limit * (w.inUse ? (o.activeReserveShare ?? o.reserveShare) : o.reserveShare));
  return sends + (w.releasing ? Math.min(RELEASED_PEOPLE_RESERVE, people) : people);
}
