import "server-only";
import type { ShareOptions } from "./limiter-shares";

// The rate limiter's tuned numbers (./limiter.ts), each with its reason.

export type LimiterOptions = ShareOptions & {
  /** Assumed until the first response says otherwise. */
  limit: number;
  windowMs: number;
  /** How long after an interactive request the bucket counts as in use by a person. */
  activeForMs?: number;
  /** In the last part of a window background work may use its reserve for people. */
  releaseReserveShare: number;
  /** An interactive request (a page, a click) waits at most this long for a
   * slot; past it the caller gets a "rate_limited" error with the time until
   * its budget refills, or "stalled" when the wait was for Fanvue to answer
   * (not for budget), so the screen can say which. Unset: wait as long as it
   * takes (background work). */
  interactiveMaxWaitMs?: number;
  /** A probe unanswered this long no longer holds the others back: the next
   * request probes too. Unset: wait for the probe's answer. */
  probeTimeoutMs?: number;
  now: () => number;
};

export const DEFAULT_LIMITER: LimiterOptions = {
  limit: 200,
  windowMs: 60_000,
  // 20 of 200 only for sends: a team of five chatters each sending every
  // 15 s, or a mass message and a post, still go through when reads have
  // used everything else; reads keep 180 (90 %).
  sendReserveShare: 0.1,
  // One member's reads: at most half of the 180 (90 a minute, 1.5 a second,
  // far above a person clicking: a page opens a handful of calls and
  // snapshots coalesce repeats). Whatever one member or a runaway tab does,
  // everyone else keeps ≥ 90 reads and the 20 sends. A fixed half rather than
  // 1/(members seen): the limiter knows who used the bucket this window, not
  // who will, and spent calls cannot be handed back to a late arrival.
  memberShare: 0.5,
  // Bulk work leaves 10 % for people's reads on top of the 20 for sends
  // (40 in all): headroom for a page's burst of reads while a bulk job runs.
  // Released in the window's last 10 % down to 2 (+ the 20), so bulk work
  // still uses up to 178 of 200 (89 %; it was 198 before sends had a reserve).
  reserveShare: 0.1,
  // While someone is using the app on this account (an interactive call in
  // the last 30 s) bulk work leaves 30 % (60 reads a minute, + the 20 for
  // sends): a first sign-in
  // starts a full earnings backfill, and browsing meanwhile (pages, vault
  // thumbnails, fan panels) easily needs more than 20 calls a minute.
  activeReserveShare: 0.3,
  activeForMs: 30_000,
  releaseReserveShare: 0.1,
  interactiveMaxWaitMs: 8_000,
  // Fanvue answers in well under a second; a probe out for 2 s is a slow
  // call, not the norm. Giving up on it costs at most one more call on a
  // bucket we have not seen (at worst a 429, refused before Fanvue acts, then
  // waited out), while waiting for it held every read of the creator for up
  // to the 15 s call timeout. 2 s leaves 6 of a read's 8 s for the read.
  probeTimeoutMs: 2_000,
  now: Date.now,
};
