import { z } from "zod";
import {
  automationBodySchema,
  automationStatusSchema,
  runsQuerySchema,
  type AutomationPreview,
  type AutomationView,
  type RunsPage,
} from "@/lib/schemas/automations";
import { route } from "./contract";

// Automations of a creator: the same roles as mass messages (mass:send).

const one = z.object({ creatorId: z.string(), automationId: z.string().min(1).max(64) });

/** Every automation of the creator, with its counts and revenue. */
export const automations = route<{ automations: AutomationView[] }>()({
  method: "GET",
  path: "/api/creators/:creatorId/automations",
  access: "creator",
  permission: "mass:send",
});

export const automationCreate = route<AutomationView>()({
  method: "POST",
  path: "/api/creators/:creatorId/automations",
  access: "creator",
  permission: "mass:send",
  body: automationBodySchema,
});

export const automation = route<AutomationView>()({
  method: "GET",
  path: "/api/creators/:creatorId/automations/:automationId",
  access: "creator",
  permission: "mass:send",
  params: one,
});

export const automationUpdate = route<AutomationView>()({
  method: "PUT",
  path: "/api/creators/:creatorId/automations/:automationId",
  access: "creator",
  permission: "mass:send",
  params: one,
  body: automationBodySchema,
});

export const automationDelete = route<{ id: string }>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/automations/:automationId",
  access: "creator",
  permission: "mass:send",
  params: one,
});

/** Pause or resume (a resumed automation fires for events from then on). */
export const automationStatus = route<AutomationView>()({
  method: "POST",
  path: "/api/creators/:creatorId/automations/:automationId/status",
  access: "creator",
  permission: "mass:send",
  params: one,
  body: automationStatusSchema,
});

/** The log: every firing for a fan, newest first (the first 200, and the total). */
export const automationRuns = route<RunsPage>()({
  method: "GET",
  path: "/api/creators/:creatorId/automations/:automationId/runs",
  access: "creator",
  permission: "mass:send",
  params: one,
  query: runsQuerySchema,
});

/** Who would receive it now (a scheduled trigger), or would have in the last 7 days (an event trigger). */
export const automationPreview = route<AutomationPreview>()({
  method: "GET",
  path: "/api/creators/:creatorId/automations/:automationId/preview",
  access: "creator",
  permission: "mass:send",
  params: one,
});
