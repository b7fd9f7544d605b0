import {
  trackingLinkCostSchema,
  trackingLinkCreateSchema,
  trackingLinkParams,
  trackingLinksQuerySchema,
  type TrackingLinkRow,
  type TrackingLinksReport,
} from "@/lib/schemas/tracking-links";
import { route } from "./contract";

// Tracking links of a creator, and across an agency's creators. Reading them
// (revenue, ROI) is an earnings matter; creating, deleting and costing a link
// is promotion, the work of those who make posts (posts:write).

/** The links with Fanvue's figures, the cost, ROI and payback (days in `tz`), and how fresh the mirror is. */
export const trackingLinks = route<TrackingLinksReport>()({
  method: "GET",
  path: "/api/creators/:creatorId/tracking-links",
  access: "creator",
  permission: "earnings:read",
  query: trackingLinksQuerySchema,
});

/** Creates a link on Fanvue (name 1–100 characters, platform); 201 with its row. */
export const trackingLinkCreate = route<{ link: TrackingLinkRow }>()({
  method: "POST",
  path: "/api/creators/:creatorId/tracking-links",
  access: "creator",
  permission: "posts:write",
  body: trackingLinkCreateSchema,
});

/** Deletes the link on Fanvue; its row stays, marked deleted, with its cost and fans. */
export const trackingLinkDelete = route<{ uuid: string; name: string; deletedAt: string }>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/tracking-links/:linkUuid",
  access: "creator",
  permission: "posts:write",
  params: trackingLinkParams,
});

/** Sets the link's promo cost in whole cents (null clears it). */
export const trackingLinkCost = route<{ uuid: string; name: string; costCents: number | null; note: string | null }>()({
  method: "PUT",
  path: "/api/creators/:creatorId/tracking-links/:linkUuid/cost",
  access: "creator",
  permission: "posts:write",
  params: trackingLinkParams,
  body: trackingLinkCostSchema,
});

/** Mirror the links and their fans from Fanvue now; 202. */
export const trackingLinksSyncNow = route<{ jobId: string; status: string }>()({
  method: "POST",
  path: "/api/creators/:creatorId/tracking-links/sync",
  access: "creator",
  permission: "earnings:read",
});

/** The table as CSV: one line per row, the same figures. */
export const trackingLinksExport = route<never>()({
  method: "GET",
  path: "/api/creators/:creatorId/tracking-links/export",
  access: "creator",
  permission: "earnings:export",
  query: trackingLinksQuerySchema,
  raw: true,
});

/** Every link of every creator of the workspace the member may see. */
export const workspaceTrackingLinks = route<TrackingLinksReport>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/tracking-links",
  access: "workspace",
  permission: "earnings:read",
  query: trackingLinksQuerySchema,
});

/** The workspace table as CSV (every creator the member may see). */
export const workspaceTrackingLinksExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/tracking-links/export",
  access: "workspace",
  permission: "earnings:export",
  query: trackingLinksQuerySchema,
  raw: true,
});
