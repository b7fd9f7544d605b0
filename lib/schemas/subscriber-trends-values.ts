import { oneOf, urlSchema } from "@/lib/url-state/fields";
import { rangeUrlFields } from "./earnings-values";

// The subscriber trends page's URL (lib/url-state), without zod (./subscriber-trends.ts
// re-exports it), to the limits of its query schema (url-schemas.test.ts).

export const subscriberTrendsUrlSchema = urlSchema({
  ...rangeUrlFields("90d"),
  granularity: oneOf(["day", "week", "month"], "day"),
});

/** A paid subscription lapses this long after its last payment with none since: a month plus Fanvue's retry days. */
export const LAPSE_DAYS = 35;
