import { rangeUrlFields } from "./earnings-values";
import { oneOf, text, urlSchema } from "@/lib/url-state/fields";

// The performance values client code needs at run time, without zod (./performance.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

/** The rules, in the words the page shows (lib/server/agency/attribution.ts applies them). */
export const ATTRIBUTION_RULES = [
  { rule: "ppv", label: "PPV unlock", text: "credited to the member who sent that PPV through Vuedeck." },
  { rule: "mass", label: "Mass message unlock", text: "credited to the member who created the mass message." },
  {
    rule: "tip",
    label: "Tip in a chat",
    text: "credited to the member who last wrote to that fan through Vuedeck in the 24 hours before the tip.",
  },
  {
    rule: "none",
    label: "Fanvue (not through Vuedeck)",
    text: "sent from Fanvue itself or before Vuedeck: no member is credited.",
  },
] as const;

/** Which sends the drill-down lists: all messages, PPVs, PPVs a fan bought, first replies to a waiting fan. */
export const SEND_KINDS = ["all", "ppv", "unlocked", "replies"] as const;

/** The performance page's URL (lib/url-state), to the limits of its query schemas (url-schemas.test.ts). */
export const performanceUrlSchema = urlSchema({
  ...rangeUrlFields("today"),
  creator: text({ min: 1, max: 64 }),
  member: text({ min: 1, max: 64 }),
  /** The open member's sheet: their sales, or the messages behind a figure. */
  view: oneOf(["sales", "sends"]),
  kind: oneOf(SEND_KINDS),
});
