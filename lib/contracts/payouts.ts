import { z } from "zod";
import {
  agencyShareSchema,
  commissionRuleSchema,
  memberParams,
  periodQuerySchema,
  shiftCorrectionSchema,
  shiftSettingsSchema,
  shiftsQuerySchema,
  type AgencyShareStatement,
  type CurrentShift,
  type PayoutsList,
  type ShiftRow,
  type ShiftsPage,
  type Statement,
} from "@/lib/schemas/payouts";
import { route } from "./contract";

/** An empty JSON object: a write with a body schema stops at input validation
 * when its body is malformed (the access matrix relies on that to change nothing). */
const noBody = z.object({}).strict();

// Shifts and payouts. Clocking uses chats:send: the members who work the inbox
// (owner, manager, chatter) are the ones who work shifts; a viewer does not.
// Reads are payouts:read, everyone's for members who see earnings, else only
// one's own (lib/server/payouts/scope.ts).

/** The signed-in member's open shift (if any), and whether they may clock in. */
export const currentShift = route<CurrentShift>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/shifts/current",
  access: "workspace",
  permission: "workspace:read",
});

/** Starts a shift; a second open shift is a conflict naming the open one. */
export const clockIn = route<{ shift: ShiftRow }>()({
  method: "POST",
  path: "/api/workspaces/:workspaceId/shifts/clock-in",
  access: "workspace",
  permission: "chats:send",
  body: noBody,
});

/** Ends the member's open shift now (or at its last activity when it went idle). */
export const clockOut = route<{ shift: ShiftRow }>()({
  method: "POST",
  path: "/api/workspaces/:workspaceId/shifts/clock-out",
  access: "workspace",
  permission: "chats:send",
  body: noBody,
});

/** "Still here": sent every minute while clocked in and the tab is visible. */
export const shiftHeartbeat = route<CurrentShift>()({
  method: "POST",
  path: "/api/workspaces/:workspaceId/shifts/heartbeat",
  access: "workspace",
  permission: "chats:send",
  body: noBody,
});

/** Shifts and hours per member for a range (a chatter: their own). */
export const workspaceShifts = route<ShiftsPage>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/shifts",
  access: "workspace",
  permission: "payouts:read",
  query: shiftsQuerySchema,
});

/** A manager's correction of a shift's times; the reason is required and audited. */
export const correctShift = route<{ shift: ShiftRow }>()({
  method: "PATCH",
  path: "/api/workspaces/:workspaceId/shifts/:shiftId",
  access: "workspace",
  permission: "payouts:manage",
  params: z.object({ workspaceId: z.string(), shiftId: z.string().min(1).max(64) }),
  body: shiftCorrectionSchema,
});

/** The owner's idle time after which an open shift ends at its last activity. */
export const shiftSettings = route<{ idleMinutes: number }>()({
  method: "PUT",
  path: "/api/workspaces/:workspaceId/shift-settings",
  access: "workspace",
  permission: "team:manage",
  body: shiftSettingsSchema,
});

/** Members with their pay rule and the period's amount (a chatter: their own). */
export const workspacePayouts = route<PayoutsList>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/payouts",
  access: "workspace",
  permission: "payouts:read",
  query: periodQuerySchema,
});

/** Sets a member's commission (basis points of attributed net) and hourly rate. */
export const setCommissionRule = route<{ rule: { rateBps: number; hourlyCents: number | null } }>()({
  method: "PUT",
  path: "/api/workspaces/:workspaceId/payouts/:userId/rule",
  access: "workspace",
  permission: "payouts:manage",
  params: memberParams,
  body: commissionRuleSchema,
});

/** A member's statement for a period: lines, commission, hours, total (frozen once paid). */
export const payoutStatement = route<Statement>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/payouts/:userId/statement",
  access: "workspace",
  permission: "payouts:read",
  params: memberParams,
  query: periodQuerySchema,
});

/** The statement as CSV: the same lines and totals as the page. */
export const payoutStatementExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/payouts/:userId/statement/export",
  access: "workspace",
  permission: "payouts:read",
  params: memberParams,
  query: periodQuerySchema,
  raw: true,
});

/** Marks the statement paid: its totals and lines are frozen; audited. */
export const markStatementPaid = route<Statement>()({
  method: "POST",
  path: "/api/workspaces/:workspaceId/payouts/:userId/statement/pay",
  access: "workspace",
  permission: "payouts:manage",
  params: memberParams,
  query: periodQuerySchema,
});

const creatorParams = z.object({ creatorId: z.string() });

/** What the agency takes from a creator it runs, for a period: the creator's net by source × the agreed share. */
export const agencyShare = route<AgencyShareStatement>()({
  method: "GET",
  path: "/api/creators/:creatorId/agency-share",
  access: "creator",
  permission: "earnings:read",
  params: creatorParams,
  query: periodQuerySchema,
});

/** The agency share statement as CSV: the same lines and totals as the page. */
export const agencyShareExport = route<never>()({
  method: "GET",
  path: "/api/creators/:creatorId/agency-share/export",
  access: "creator",
  permission: "earnings:export",
  params: creatorParams,
  query: periodQuerySchema,
  raw: true,
});

/** Sets the agency's share of the creator's net, in basis points; audited. */
export const setAgencyShare = route<{ rateBps: number }>()({
  method: "PUT",
  path: "/api/creators/:creatorId/agency-share",
  access: "creator",
  permission: "payouts:manage",
  params: creatorParams,
  body: agencyShareSchema,
});
