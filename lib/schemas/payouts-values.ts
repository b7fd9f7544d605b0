import { urlSchema } from "@/lib/url-state/fields";
import { rangeUrlFields } from "./earnings-values";

// The payout pages' URL (lib/url-state), without zod (./payouts.ts re-exports
// it), to the limits of its query schemas (url-schemas.test.ts).

export const payoutsUrlSchema = urlSchema(rangeUrlFields("last_month"));
