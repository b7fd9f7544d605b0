import { z } from "zod";
import type { Role } from "./permissions";
import { CREATOR_SCOPE_MESSAGE } from "./team-values";

export * from "./team-values";

// Inputs and answers of the team API, shared by route handlers and forms.

const staffRole = z.enum(["manager", "chatter", "viewer", "creator"], {
  error: "role must be manager, chatter, viewer or creator",
});

export const inviteCreateSchema = z
  .object({
    role: staffRole,
    allCreators: z.boolean({ error: "allCreators must be true or false" }),
    creatorIds: z.array(z.string().min(1)).max(500).default([]),
    // 1–30 days: long enough to reach someone, short enough that a leaked
    // link in an old chat is dead.
    expiresInDays: z.number({ error: "expiresInDays must be a number" }).int().min(1).max(30).default(7),
    note: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((v) => v.role !== "creator" || (!v.allCreators && v.creatorIds.length === 1), {
    path: ["creatorIds"],
    error: CREATOR_SCOPE_MESSAGE,
  });

export const memberUpdateSchema = z
  .object({
    role: staffRole.optional(),
    allCreators: z.boolean().optional(),
    creatorIds: z.array(z.string().min(1)).max(500).optional(),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.allCreators !== undefined || v.creatorIds !== undefined, {
    error: "Nothing to change",
  });

export const auditQuerySchema = z.object({
  creatorId: z.string().min(1).optional(),
  actorUserId: z.string().min(1).optional(),
  action: z.string().max(60).optional(),
  before: z.iso.datetime({ error: "before must be an ISO date-time" }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type MemberView = {
  id: string;
  userId: string;
  name: string;
  handle: string | null;
  image: string | null;
  role: Role;
  allCreators: boolean;
  creatorIds: string[];
  joinedAt: string;
};

export type InviteView = {
  id: string;
  role: Role;
  allCreators: boolean;
  creatorIds: string[];
  note: string | null;
  createdAt: string;
  expiresAt: string;
  status: "pending" | "used" | "revoked" | "expired";
};

export type AuditItem = {
  id: string;
  at: string;
  actorUserId: string | null;
  actorName: string;
  action: string;
  creatorId: string | null;
  target: string | null;
  details: unknown;
};

/** A page of the activity log, newest first; `nextBefore` fetches the next. */
export type AuditPage = { items: AuditItem[]; nextBefore: string | null };

/** A new invite; its link is shown once. */
export type InviteCreated = { id: string; url: string; expiresAt: string };

/** What an invite link offers (shown before sign-in). */
export type InvitePreview = { workspaceName: string; role: Role; creators: "all" | string[]; expiresAt: string };

export type InviteAccepted = { workspaceId: string; membershipId: string; firstCreatorId: string | null };

/** A member's role and scope after a change (`creatorIds` empty over all creators). */
export type MemberChanged = { id: string; role: Role; allCreators: boolean; creatorIds: string[] };
