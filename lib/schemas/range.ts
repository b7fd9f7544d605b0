import { z } from "zod";
import { earningsQuerySchema } from "./earnings";

// A date range in the viewer's zone, as every report page takes it (payouts,
// performance, growth): the earnings page's presets and rules, one place.

type Preset = z.input<typeof earningsQuerySchema.shape.range>;

/** range (default `preset`), from, to (custom), tz. */
export const rangeFields = (preset: NonNullable<Preset>) => ({
  range: earningsQuerySchema.shape.range.default(preset),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  tz: earningsQuerySchema.shape.tz,
});

/** The earnings page's range rules (custom needs from and to, in order, at most 5 years), naming the field. */
export function rangeRules(q: { range: string; from?: string; to?: string; tz: string }, ctx: z.RefinementCtx) {
  const r = earningsQuerySchema.safeParse({ range: q.range, from: q.from, to: q.to, tz: q.tz });
  if (!r.success)
    for (const issue of r.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
}
