import { z } from "zod";
import {
  earningsQuerySchema,
  type AgencyEarnings,
  type EarningsMarkers,
  type EarningsReport,
} from "@/lib/schemas/earnings";
import type { Reconciliation } from "@/lib/schemas/reconcile";
import { route } from "./contract";

/** Totals, comparison, chart series, breakdown and top spenders from the ledger. */
export const creatorEarnings = route<EarningsReport>()({
  method: "GET",
  path: "/api/creators/:creatorId/earnings",
  access: "creator",
  permission: "earnings:read",
  query: earningsQuerySchema,
});

/** Posts published and mass messages sent in the range, placed in the chart's buckets. */
export const earningsMarkers = route<EarningsMarkers>()({
  method: "GET",
  path: "/api/creators/:creatorId/earnings/markers",
  access: "creator",
  permission: "earnings:read",
  query: earningsQuerySchema,
});

/** "Why does this number differ?": the ledger's figure for the range bridged to Fanvue's own
 * earnings summary (all sources; reads Fanvue, so it is not cached). */
export const earningsReconcile = route<Reconciliation>()({
  method: "GET",
  path: "/api/creators/:creatorId/earnings/reconcile",
  access: "creator",
  permission: "earnings:read",
  query: earningsQuerySchema,
});

/** Sync the ledger from Fanvue now (also retries a failed sync); 202. */
export const earningsSyncNow = route<{ jobId: string; status: string }>()({
  method: "POST",
  path: "/api/creators/:creatorId/earnings/sync",
  access: "creator",
  permission: "earnings:read",
});

export const earningsExportQuerySchema = earningsQuerySchema.and(
  z.object({
    rows: z
      .enum(["transactions", "buckets"], { error: "rows must be transactions or buckets" })
      .default("transactions"),
  }),
);

/** CSV of exactly what the earnings page shows (streamed; one export per user at a time). */
export const earningsExport = route<never>()({
  method: "GET",
  path: "/api/creators/:creatorId/earnings/export",
  access: "creator",
  permission: "earnings:export",
  query: earningsExportQuerySchema,
  raw: true,
});

/** All creators' earnings: combined figures and a row per creator. */
export const agencyEarnings = route<AgencyEarnings>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/earnings",
  access: "workspace",
  permission: "earnings:read",
  query: earningsQuerySchema,
});

/** CSV of all creators in scope, as the all-earnings page shows (streamed; one export per user at a time). */
export const agencyEarningsExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/earnings/export",
  access: "workspace",
  permission: "earnings:export",
  query: earningsExportQuerySchema,
  raw: true,
});
