import { oneOf, text, urlSchema } from "@/lib/url-state/fields";
import { rangeUrlFields, SOURCES } from "./earnings-values";

// The growth pages' URLs (lib/url-state), without zod (./growth.ts, the
// schemas, re-exports them), to the limits of its query schemas (url-schemas.test.ts).

export const bestTimesUrlSchema = urlSchema({ ...rangeUrlFields("90d"), source: oneOf(["all", ...SOURCES], "all") });

const MONTHS = ["6", "12", "24"] as const;
export const retentionUrlSchema = urlSchema({
  months: {
    read: (raw: string | string[]) => {
      const n = Number(raw);
      return MONTHS.includes(String(n) as (typeof MONTHS)[number]) ? n : undefined;
    },
    fallback: 12,
  },
  by: oneOf(["month", "link"], "month"),
  a: text({ max: 64 }),
  b: text({ max: 64 }),
});
