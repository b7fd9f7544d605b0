import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { collect, pages } from "../paginate";
import { parseResponse } from "../parse";
import { cents, nullable, pageOf } from "../schemas/common";

// Aggregate agency routes (contract §6), on the agency user's own bucket.

export const agencyEarningsRowSchema = z.looseObject({
  creatorUuid: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  gross: cents,
  net: cents,
  currency: nullable(z.string()),
});
export type AgencyEarningsRow = z.infer<typeof agencyEarningsRowSchema>;

/** Per creator per UTC day, PAID invoices only; [startDate, endDate) in YYYY-MM-DD. */
export function listAgencyEarnings(client: FanvueClient, q: { startDate: string; endDate: string; creatorUuids?: string[] }) {
  const schema = pageOf(agencyEarningsRowSchema);
  return collect(
    pages(async (page) => {
      const res = await client.account("GET", "/agencies/earnings", {
        query: { startDate: q.startDate, endDate: q.endDate, creatorUuids: q.creatorUuids?.join(","), page, size: 50 },
      });
      return parseResponse(schema, res.body, "/agencies/earnings");
    }),
    50_000,
  );
}
