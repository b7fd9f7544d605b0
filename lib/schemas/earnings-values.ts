import { labelOf } from "@/lib/utils/labels";

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
