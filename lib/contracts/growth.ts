import {
  bestTimesQuerySchema,
  cohortValueQuerySchema,
  retentionQuerySchema,
  type BestTimes,
  type CohortValue,
  type Retention,
} from "@/lib/schemas/growth";
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

/** The retention triangle across every creator of the workspace the member may see (a fan counts once per creator). */
export const workspaceRetention = route<Retention>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/retention",
  access: "workspace",
  permission: "earnings:read",
  query: retentionQuerySchema,
});

/** The workspace triangle as CSV. */
export const workspaceRetentionExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/retention/export",
  access: "workspace",
  permission: "earnings:export",
  query: retentionQuerySchema,
  raw: true,
});

/** Net per paying fan 7–180 days after their first payment, by first-payment month or by tracking link. */
export const creatorCohortValue = route<CohortValue>()({
  method: "GET",
  path: "/api/creators/:creatorId/cohort-value",
  access: "creator",
  permission: "earnings:read",
  query: cohortValueQuerySchema,
});

/** The cohort-value table as CSV, the same figures as the screen. */
export const creatorCohortValueExport = route<never>()({
  method: "GET",
  path: "/api/creators/:creatorId/cohort-value/export",
  access: "creator",
  permission: "earnings:export",
  query: cohortValueQuerySchema,
  raw: true,
});

/** Cohort value across every creator of the workspace the member may see. */
export const workspaceCohortValue = route<CohortValue>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/cohort-value",
  access: "workspace",
  permission: "earnings:read",
  query: cohortValueQuerySchema,
});

/** The workspace cohort-value table as CSV. */
export const workspaceCohortValueExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/cohort-value/export",
  access: "workspace",
  permission: "earnings:export",
  query: cohortValueQuerySchema,
  raw: true,
});
