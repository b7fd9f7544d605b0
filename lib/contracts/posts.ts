import { z } from "zod";
import {
  HISTORY_RANGES,
  type HistoryResponse,
  type PostView,
  type PricePick,
  type PublishResult,
  type QueueResponse,
} from "@/lib/schemas/post-views";
import {
  draftCreateSchema,
  draftSaveSchema,
  publishInputSchema,
  updateInputSchema,
  type Draft,
} from "@/lib/schemas/posts";
import { timeZoneField } from "@/lib/schemas/viewer";
import { route } from "./contract";

// Posts: the composer's publish and edit calls, queue actions, the queue and
// history pages, and the author's drafts.

const postParams = z.object({
  creatorId: z.string(),
  postUuid: z.guid({ error: "postUuid must be a post id (UUID)" }),
});
const draftParams = z.object({ creatorId: z.string(), draftId: z.string().min(1).max(40) });

/** Publish or schedule a post; idempotent per `key` (audited once, by the request that made the post). */
export const publishPost = route<PublishResult>()({
  method: "POST",
  path: "/api/creators/:creatorId/posts",
  access: "creator",
  permission: "posts:write",
  body: publishInputSchema,
});

/** A post to edit. */
export const getPost = route<PostView>()({
  method: "GET",
  path: "/api/creators/:creatorId/posts/:postUuid",
  access: "creator",
  permission: "posts:read",
  params: postParams,
});

/** Change or reschedule a post on Fanvue. */
export const updatePost = route<PostView>()({
  method: "PATCH",
  path: "/api/creators/:creatorId/posts/:postUuid",
  access: "creator",
  permission: "posts:write",
  params: postParams,
  body: updateInputSchema,
});

/** Publish a scheduled post now (a no-op once published). */
export const publishPostNow = route<PostView>()({
  method: "POST",
  path: "/api/creators/:creatorId/posts/:postUuid/publish",
  access: "creator",
  permission: "posts:write",
  params: postParams,
  body: z.object({}),
});

/** Take a scheduled post out of the queue (parked: Fanvue has no delete). */
export const cancelPost = route<PostView>()({
  method: "POST",
  path: "/api/creators/:creatorId/posts/:postUuid/cancel",
  access: "creator",
  permission: "posts:write",
  params: postParams,
  body: z.object({}),
});

/** Everything scheduled to go out, by time (and cancelled posts). */
export const postQueue = route<QueueResponse>()({
  method: "GET",
  path: "/api/creators/:creatorId/posts/queue",
  access: "creator",
  permission: "posts:read",
});

export const postHistoryQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(500).default(1),
  range: z.enum(HISTORY_RANGES, { error: `range must be one of ${HISTORY_RANGES.join(", ")}` }).default("30d"),
  tz: timeZoneField.default("UTC"),
});

/** Recent posts with likes, comments, tips and earnings in the range (`?page&range&tz`). */
export const postHistory = route<HistoryResponse>()({
  method: "GET",
  path: "/api/creators/:creatorId/posts/history",
  access: "creator",
  permission: "posts:read",
  query: postHistoryQuerySchema,
});

/** The creator's usual PPV prices (composer quick picks). */
export const postPrices = route<{ prices: PricePick[] }>()({
  method: "GET",
  path: "/api/creators/:creatorId/posts/prices",
  access: "creator",
  permission: "posts:read",
});

/** The signed-in author's drafts (`?editOf`: those editing one post). */
export const listDrafts = route<{ drafts: Draft[] }>()({
  method: "GET",
  path: "/api/creators/:creatorId/posts/drafts",
  access: "creator",
  permission: "posts:write",
  query: z.object({ editOf: z.string().max(64).optional() }),
});

/** Start a draft (autosave creates it on the first edit). Drafts are working
 * copies, not actions on Fanvue: not audited. */
export const createDraft = route<Draft>()({
  method: "POST",
  path: "/api/creators/:creatorId/posts/drafts",
  access: "creator",
  permission: "posts:write",
  body: draftCreateSchema,
});

/** One of the author's drafts. */
export const getDraft = route<Draft>()({
  method: "GET",
  path: "/api/creators/:creatorId/posts/drafts/:draftId",
  access: "creator",
  permission: "posts:write",
  params: draftParams,
});

/** Autosave a draft (versioned: a stale version is refused). Runs every few
 * seconds while typing: not audited. */
export const saveDraft = route<Draft>()({
  method: "PUT",
  path: "/api/creators/:creatorId/posts/drafts/:draftId",
  access: "creator",
  permission: "posts:write",
  params: draftParams,
  body: draftSaveSchema,
});

/** Discard one of the author's drafts (not audited). */
export const deleteDraft = route<{ ok: true }>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/posts/drafts/:draftId",
  access: "creator",
  permission: "posts:write",
  params: draftParams,
  body: z.object({}).optional(),
});
