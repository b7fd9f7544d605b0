// GET /api/creators/:creatorId/posts/drafts?editOf – the signed-in author's drafts; POST – start one (autosave creates it on the first edit).
import { z } from "zod";
import { draftCreateSchema } from "@/lib/schemas/posts";
import { apiRoute } from "@/lib/server/api/route";
import { createDraft, listDrafts } from "@/lib/server/posts/drafts";

export const GET = apiRoute({
  access: "creator",
  permission: "posts:write",
  query: z.object({ editOf: z.string().max(64).optional() }),
  handler: async ({ access, user, query }) => ({ drafts: await listDrafts({ creatorId: access.creator.id, authorId: user.id }, query.editOf) }),
});

// Drafts are working copies, not actions on Fanvue: autosaves are not audited.
export const POST = apiRoute({
  access: "creator",
  permission: "posts:write",
  audit: false,
  body: draftCreateSchema,
  handler: ({ access, user, body }) => createDraft({ creatorId: access.creator.id, authorId: user.id }, body),
});
