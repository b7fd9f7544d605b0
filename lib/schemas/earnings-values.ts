import { labelOf } from "@/lib/utils/labels";
import { isTimeZone } from "@/lib/utils/time";
import { custom, isIn, list, oneOf, text, urlSchema } from "@/lib/url-state/fields";

// The earnings values client code needs at run time, without zod (./earnings.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

export const SOURCES = ["subscription", "renewal", "tip", "message", "post", "referral", "others"] as const;

/** Every earning source Fanvue's reference lists, in plain words, and the
 * keys its fan insights (`tips`) and earnings summary (`subs`, …) use for them. */
export const EARNING_SOURCE_LABELS: Record<string, string> = {
  all: "All sources",
  subscription: "Subscriptions",
  subs: "Subscriptions",
  renewal: "Renewals",
  renewals: "Renewals",
  tip: "Tips",
  tips: "Tips",
  message: "Messages (PPV)",
  messages: "Messages (PPV)",
  post: "Posts (PPV)",
  posts: "Posts (PPV)",
  referral: "Referrals",
  referrals: "Referrals",
  affiliate: "Affiliates",
  mediaLink: "Paid media links",
  giveaway: "Giveaways",
  appStore: "App store",
  checkoutLink: "Checkout links",
  other: "Other",
};

/** The reference's sources grouped as "others" on charts. */
export const OTHER_SOURCES = ["affiliate", "giveaway", "mediaLink", "checkoutLink", "appStore"] as const;

/** A source key in plain words (an unknown one, from a newer Fanvue, as words). */
export const earningSourceLabel = (s: string) => labelOf(EARNING_SOURCE_LABELS, s);

export const PRESETS = ["today", "7d", "30d", "90d", "mtd", "last_month", "ytd", "12m", "all", "custom"] as const;

/** A report's range in its URL: a preset (default `preset`), or custom from/to (YYYY-MM-DD). */
export const rangeUrlFields = (preset: (typeof PRESETS)[number]) => ({
  range: oneOf(PRESETS, preset),
  from: text({ max: 10 }),
  to: text({ max: 10 }),
});

/** The earnings page's URL (lib/url-state), to the limits of earningsQuerySchema (url-schemas.test.ts). */
export const earningsUrlSchema = urlSchema({
  ...rangeUrlFields("30d"),
  tz: custom((s) => (s.length <= 64 && isTimeZone(s) ? s : undefined)),
  granularity: oneOf(["day", "week", "month"], "day"),
  basis: oneOf(["gross", "net"], "gross"),
  sources: list(isIn(SOURCES), Infinity),
});
