import { z } from "zod";
import {
  performanceQuerySchema,
  reassignBodySchema,
  salesQuerySchema,
  sendsQuerySchema,
  type Performance,
  type SalesPage,
  type SendsPage,
} from "@/lib/schemas/performance";
import { route } from "./contract";

// Chatter performance: who sold what (a chatter sees only their own figures).

/** Per-member revenue, PPVs sent and unlocked, messages, fans answered, for a range. */
export const workspacePerformance = route<Performance>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/performance",
  access: "workspace",
  permission: "workspace:read",
  query: performanceQuerySchema,
});

/** The leaderboard as CSV, one row per member, the same figures as the page. */
export const workspacePerformanceExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/performance/export",
  access: "workspace",
  permission: "workspace:read",
  query: performanceQuerySchema,
  raw: true,
});

/** The sales behind the figures: newest first, the first 200 (and the total). */
export const workspaceSales = route<SalesPage>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/sales",
  access: "workspace",
  permission: "workspace:read",
  query: salesQuerySchema,
});

/** The messages behind the figures (all, PPVs, unlocked PPVs, first replies): newest first, the first 200. */
export const workspaceSends = route<SendsPage>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/performance/sends",
  access: "workspace",
  permission: "workspace:read",
  query: sendsQuerySchema,
});

/** Credits one sale to another member, or to nobody; the reason is kept and audited. */
export const reassignSale = route<{ sale: { id: string; userId: string | null; userName: string | null } }>()({
  method: "POST",
  path: "/api/workspaces/:workspaceId/sales/:saleId/reassign",
  access: "workspace",
  permission: "sales:reassign",
  params: z.object({ workspaceId: z.string(), saleId: z.string().min(1).max(64) }),
  body: reassignBodySchema,
});
