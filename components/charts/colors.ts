// Chart colours as CSS variables (app/globals.css defines them for the light and the dark theme),
// so a chart repaints with the theme without re-rendering. recharts writes them into SVG
// attributes and inline styles, where var() resolves like any CSS value.

export const CHART = {
  grid: "var(--chart-grid)",
  axis: "var(--chart-axis)",
  zero: "var(--chart-zero)",
  cursor: "var(--chart-cursor)",
  marker: "var(--chart-marker)",
  markerInk: "var(--chart-marker-ink)",
  net: "var(--chart-net)",
  earnings: "var(--chart-earnings)",
  cohorts: ["var(--chart-cohort-a)", "var(--chart-cohort-b)"],
  subscription: "var(--chart-subscription)",
  renewal: "var(--chart-renewal)",
  tip: "var(--chart-tip)",
  message: "var(--chart-message)",
  post: "var(--chart-post)",
  referral: "var(--chart-referral)",
  others: "var(--chart-others)",
} as const;
