// GET/PUT/DELETE /api/creators/:creatorId/posts/drafts/:draftId – read, autosave (versioned) or discard one of the author's drafts.
import { z } from "zod";
import { draftSaveSchema } from "@/lib/schemas/posts";
import { apiRoute } from "@/lib/server/api/route";
import { deleteDraft, getDraft, saveDraft } from "@/lib/server/posts/drafts";

const params = z.object({ creatorId: z.string(), draftId: z.string().min(1).max(40) });

export const GET = apiRoute({
  access: "creator",
  permission: "posts:write",
  params,
  handler: ({ access, user, params }) => getDraft({ creatorId: access.creator.id, authorId: user.id }, params.draftId),
});

// Autosaves run every few seconds while typing: not audited (see POST drafts).
export const PUT = apiRoute({
  access: "creator",
  permission: "posts:write",
  audit: false,
  params,
  body: draftSaveSchema,
  handler: ({ access, user, params, body }) => saveDraft({ creatorId: access.creator.id, authorId: user.id }, params.draftId, body.form, body.version),
});

export const DELETE = apiRoute({
  access: "creator",
  permission: "posts:write",
  audit: false,
  params,
  body: z.object({}).optional(),
  handler: async ({ access, user, params }) => {
    await deleteDraft({ creatorId: access.creator.id, authorId: user.id }, params.draftId);
    return { ok: true };
  },
});
