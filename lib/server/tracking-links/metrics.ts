// server-only-exempt: pure arithmetic on integer cents, unit-tested on its own (metrics.test.ts).

// What a link's promo cost bought, from integer cents: each division is
// rounded once (half away from zero, as Postgres rounds), nothing is summed
// as a float. ROI is a ratio, not money.

export type LinkFigures = {
  clicks: number;
  acquiredSubscribers: number;
  /** Fanvue's net earnings of the link; null = not reported. */
  earningsNet: number | null;
  /** The promo cost; null = not entered. */
  costCents: number | null;
};

export type LinkMetrics = {
  costPerSubscriber: number | null;
  costPerClick: number | null;
  roi: number | null;
};

/** Whole cents of `cents / n` for cents ≥ 0, n > 0 (a half cent rounds up). */
export function divideCents(cents: number, n: number): number {
  if (!Number.isInteger(cents) || !Number.isInteger(n) || n <= 0)
    throw new RangeError(`cannot divide ${cents} by ${n}`);
  // Exact in floating point: cents / n is k + 0.5 only when 2n divides 2·cents, which doubles represent exactly.
  return Math.sign(cents) * Math.round(Math.abs(cents) / n);
}

export function linkMetrics(l: LinkFigures): LinkMetrics {
  const cost = l.costCents;
  if (cost === null) return { costPerSubscriber: null, costPerClick: null, roi: null };
  return {
    costPerSubscriber: l.acquiredSubscribers > 0 ? divideCents(cost, l.acquiredSubscribers) : null,
    costPerClick: l.clicks > 0 ? divideCents(cost, l.clicks) : null,
    // A free promotion has no return on its cost; without Fanvue's net there is no figure to divide.
    roi: cost > 0 && l.earningsNet !== null ? (l.earningsNet - cost) / cost : null,
  };
}
