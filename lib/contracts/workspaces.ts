import { z } from "zod";
import type { AgencyOverview } from "@/lib/schemas/agency";
import type { CreatorSummary } from "@/lib/schemas/shell";
import {
  auditQuerySchema,
  inviteCreateSchema,
  memberUpdateSchema,
  type AuditPage,
  type InviteCreated,
  type InviteView,
  type MemberChanged,
  type MemberView,
} from "@/lib/schemas/team";
import { timeZoneField } from "@/lib/schemas/viewer";
import { route } from "./contract";

// A workspace: its creators, the agency overview, the team (members and
// invites) and the activity log.

/** The activity log, newest first, with filters. */
export const workspaceAudit = route<AuditPage>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/audit",
  access: "workspace",
  permission: "audit:read",
  query: auditQuerySchema,
});

/** "All creators": a row per creator in scope, figures in the viewer's zone (`?tz`). */
export const creatorsOverview = route<AgencyOverview>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/creators-overview",
  access: "workspace",
  permission: "workspace:read",
  query: z.object({ tz: timeZoneField.default("UTC") }),
});

/** The workspace's creators, only those in the member's scope (a manager of
 * one creator does not learn the others' names). */
export const workspaceCreators = route<CreatorSummary[]>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/creators",
  access: "workspace",
  permission: "workspace:read",
});

/** Re-sync the agency's creators from Fanvue; answers the list as GET does. */
export const syncWorkspaceCreators = route<CreatorSummary[]>()({
  method: "POST",
  path: "/api/workspaces/:workspaceId/creators",
  access: "workspace",
  permission: "connection:manage",
});

/** The team, with roles and creator scopes. */
export const listMembers = route<MemberView[]>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/members",
  access: "workspace",
  permission: "team:manage",
});

const memberParams = z.object({ workspaceId: z.string(), memberId: z.string().min(1) });

/** Change a member's role or creator scope (the owner's seat is not editable). */
export const updateMember = route<MemberChanged>()({
  method: "PATCH",
  path: "/api/workspaces/:workspaceId/members/:memberId",
  access: "workspace",
  permission: "team:manage",
  params: memberParams,
  body: memberUpdateSchema,
});

/** Remove a member (their open live streams end at once). */
export const removeMember = route<{ removed: string }>()({
  method: "DELETE",
  path: "/api/workspaces/:workspaceId/members/:memberId",
  access: "workspace",
  permission: "team:manage",
  params: memberParams,
});

/** The workspace's invites (the latest 100), with their status. */
export const listInvites = route<InviteView[]>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/invites",
  access: "workspace",
  permission: "team:manage",
});

/** Create an invite; 201, its link is shown once. */
export const createInvite = route<InviteCreated>()({
  method: "POST",
  path: "/api/workspaces/:workspaceId/invites",
  access: "workspace",
  permission: "team:manage",
  body: inviteCreateSchema,
});

/** Revoke a pending invite. */
export const revokeInvite = route<{ revoked: string }>()({
  method: "DELETE",
  path: "/api/workspaces/:workspaceId/invites/:inviteId",
  access: "workspace",
  permission: "team:manage",
  params: z.object({ workspaceId: z.string(), inviteId: z.string().min(1) }),
});
