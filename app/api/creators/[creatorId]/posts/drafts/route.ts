import { createDraft, listDrafts } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import * as drafts from "@/lib/server/posts/drafts";

export const GET = apiRoute(listDrafts, {
  handler: async ({ access, user, query }) => ({
    drafts: await drafts.listDrafts({ creatorId: access.creator.id, authorId: user.id }, query.editOf),
  }),
});

// Drafts are working copies, not actions on Fanvue: autosaves are not audited.
export const POST = apiRoute(createDraft, {
  audit: false,
  handler: ({ access, user, body }) => drafts.createDraft({ creatorId: access.creator.id, authorId: user.id }, body),
});
