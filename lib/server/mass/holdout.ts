import "server-only";
import { randomInt } from "node:crypto";

// Random hold-out split (pure given `pick`; unit-tested). Every fan has the
// same chance of being held out: a partial Fisher–Yates shuffle.

export type Pick = (maxExclusive: number) => number;

/** Fans kept out: round(n × percent / 100), at least one when any are asked
 * for and the audience has two or more (a group of zero compares nothing). */
export function holdoutSize(n: number, percent: number) {
  if (percent <= 0 || n < 2) return 0;
  return Math.min(n - 1, Math.max(1, Math.round((n * percent) / 100)));
}

export function splitHoldout(
  fans: readonly string[],
  percent: number,
  pick: Pick = randomInt,
): { held: string[]; sent: string[] } {
  const a = [...new Set(fans)];
  const k = holdoutSize(a.length, percent);
  for (let i = 0; i < k; i++) {
    const j = i + pick(a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return { held: a.slice(0, k), sent: a.slice(k) };
}
