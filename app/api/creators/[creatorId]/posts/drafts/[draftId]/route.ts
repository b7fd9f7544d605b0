import { deleteDraft, getDraft, saveDraft } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import * as drafts from "@/lib/server/posts/drafts";

export const GET = apiRoute(getDraft, {
  handler: ({ access, user, params }) =>
    drafts.getDraft({ creatorId: access.creator.id, authorId: user.id }, params.draftId),
});

// Autosaves run every few seconds while typing: not audited (see POST drafts).
export const PUT = apiRoute(saveDraft, {
  audit: false,
  handler: ({ access, user, params, body }) =>
    drafts.saveDraft({ creatorId: access.creator.id, authorId: user.id }, params.draftId, body.form, body.version),
});

export const DELETE = apiRoute(deleteDraft, {
  audit: false,
  handler: async ({ access, user, params }) => {
    await drafts.deleteDraft({ creatorId: access.creator.id, authorId: user.id }, params.draftId);
    return { ok: true as const };
  },
});
