import { bestTimesQuerySchema, retentionQuerySchema, type BestTimes, type Retention } from "@/lib/schemas/growth";
import { route } from "./contract";

// Growth analytics: when fans pay (best times), per creator and across an agency's creators.

/** Revenue per weekday × hour in the viewer's zone, with posts and mass messages marked. */
export const creatorBestTimes = route<BestTimes>()({
  method: "GET",
  path: "/api/creators/:creatorId/best-times",
  access: "creator",
  permission: "earnings:read",
  query: bestTimesQuerySchema,
});

/** The grid as CSV: one row per weekday and hour, the same figures as the screen. */
export const creatorBestTimesExport = route<never>()({
  method: "GET",
  path: "/api/creators/:creatorId/best-times/export",
  access: "creator",
  permission: "earnings:export",
  query: bestTimesQuerySchema,
  raw: true,
});

/** Across every creator of the workspace the member may see. */
export const workspaceBestTimes = route<BestTimes>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/best-times",
  access: "workspace",
  permission: "earnings:read",
  query: bestTimesQuerySchema,
});

/** The workspace grid as CSV (every creator the member may see). */
export const workspaceBestTimesExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/best-times/export",
  access: "workspace",
  permission: "earnings:export",
  query: bestTimesQuerySchema,
  raw: true,
});

/** Monthly cohorts of first paid subscription × months they paid again (the retention triangle). */
export const creatorRetention = route<Retention>()({
  method: "GET",
  path: "/api/creators/:creatorId/retention",
  access: "creator",
  permission: "earnings:read",
  query: retentionQuerySchema,
});

/** The triangle as CSV: one row per cohort and month, the same figures as the screen. */
export const creatorRetentionExport = route<never>()({
  method: "GET",
  path: "/api/creators/:creatorId/retention/export",
  access: "creator",
  permission: "earnings:export",
  query: retentionQuerySchema,
  raw: true,
});
