import { subscriberTrendsQuerySchema, type SubscriberTrends } from "@/lib/schemas/subscriber-trends";
import { route } from "./contract";

// Subscriber trends (growth analytics): new, renewed, lapsed and net paid
// subscribers from the ledger beside Fanvue's new and cancelled counts, per
// day, week or month in the viewer's zone, per creator and across an agency.

/** Per bucket: the ledger's new paid, renewed, lapsed and net; Fanvue's new (trials included) and cancelled. */
export const creatorSubscriberTrends = route<SubscriberTrends>()({
  method: "GET",
  path: "/api/creators/:creatorId/subscriber-trends",
  access: "creator",
  permission: "earnings:read",
  query: subscriberTrendsQuerySchema,
});

/** The table as CSV: one row per bucket, the same figures as the screen, and the daily auto-renew record. */
export const creatorSubscriberTrendsExport = route<never>()({
  method: "GET",
  path: "/api/creators/:creatorId/subscriber-trends/export",
  access: "creator",
  permission: "earnings:export",
  query: subscriberTrendsQuerySchema,
  raw: true,
});

/** Across every creator of the workspace the member may see (a fan counts once per creator). */
export const workspaceSubscriberTrends = route<SubscriberTrends>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/subscriber-trends",
  access: "workspace",
  permission: "earnings:read",
  query: subscriberTrendsQuerySchema,
});

/** The workspace table as CSV. */
export const workspaceSubscriberTrendsExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/subscriber-trends/export",
  access: "workspace",
  permission: "earnings:export",
  query: subscriberTrendsQuerySchema,
  raw: true,
});
