import { earningSourceLabel, SOURCES, type SourceGroup } from "@/lib/schemas/earnings";

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
export const SOURCE_COLORS: Record<SourceGroup, string> = {
  subscription: "#0072B2",
  renewal: "#56B4E9",
  tip: "#E69F00",
  message: "#009E73",
  post: "#CC79A7",
  referral: "#D55E00",
  others: "#8C8C8C",
};

/** The chart's groups: the six main sources in the app's words, then "Others". */
export const SOURCE_LABELS = Object.fromEntries(
  SOURCES.map((g) => [g, g === "others" ? "Others" : earningSourceLabel(g)]),
) as Record<SourceGroup, string>;
