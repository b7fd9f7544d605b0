import { CHART } from "@/components/charts/colors";
import type { SourceGroup } from "@/lib/schemas/earnings";
import { earningSourceLabel, SOURCES } from "@/lib/schemas/earnings-values";

// Okabe–Ito: distinguishable with the common colour-vision deficiencies. Each theme's values, and
// their contrast with the card surface, are in app/globals.css (--chart-*).
export const SOURCE_COLORS: Record<SourceGroup, string> = {
  subscription: CHART.subscription,
  renewal: CHART.renewal,
  tip: CHART.tip,
  message: CHART.message,
  post: CHART.post,
  referral: CHART.referral,
  others: CHART.others,
};

/** The chart's groups: the six main sources in the app's words, then "Others". */
export const SOURCE_LABELS = Object.fromEntries(
  SOURCES.map((g) => [g, g === "others" ? "Others" : earningSourceLabel(g)]),
) as Record<SourceGroup, string>;
