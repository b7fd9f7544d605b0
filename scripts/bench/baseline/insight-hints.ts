// BASELINE: frozen with ./insight-loader-by-arrival.ts (before issue 23).
import "server-only";
import type { FanInsight } from "@/generated/prisma/client";
import type { InsightTimings } from "@/lib/server/fans/insights/insight-state";

// Until when this process last saw each fan's answer valid (fresh data or a
// recent "not a fan"). A hint only, the database decides; it lets a warm
// request skip the coalescing window. Bounded: oldest hints go first.

// 200k hints ≈ 20 MB: a large agency's hot fans.
const HINTS_MAX = 200_000;

export class FreshHints {
  private until = new Map<string, number>();

  constructor(private readonly t: InsightTimings) {}

  /** Every key was valid when last seen, and still is at `now`. */
  allValid(creatorId: string, keys: string[], now: number) {
    return keys.length > 0 && keys.every((k) => (this.until.get(`${creatorId}:${k}`) ?? 0) > now);
  }

  remember(creatorId: string, rows: Map<string, FanInsight>) {
    for (const [k, r] of rows) {
      const at =
        r.state === "ok" ? r.fetchedAt : r.state === "not_found" || r.state === "forbidden" ? r.checkedAt : null;
      if (!at) continue;
      const key = `${creatorId}:${k}`;
      this.until.delete(key); // re-insert: Map order = oldest first
      this.until.set(key, at.getTime() + (r.state === "ok" ? this.t.freshMs : this.t.negativeMs));
    }
    for (const key of this.until.keys()) {
      if (this.until.size <= HINTS_MAX) break;
      this.until.delete(key);
    }
  }
}
