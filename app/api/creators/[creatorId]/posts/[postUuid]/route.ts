// GET /api/creators/:creatorId/posts/:postUuid – a post to edit; PATCH – change or reschedule it on Fanvue.
import { z } from "zod";
import { updateInputSchema } from "@/lib/schemas/posts";
import { apiRoute } from "@/lib/server/api/route";
import { editFromComposer } from "@/lib/server/posts/service";
import { loadPostForEdit } from "@/lib/server/posts/update";

const params = z.object({ creatorId: z.string(), postUuid: z.guid({ error: "postUuid must be a post id (UUID)" }) });

export const GET = apiRoute({
  access: "creator",
  permission: "posts:read",
  params,
  handler: ({ access, params }) => loadPostForEdit(access, params.postUuid),
});

export const PATCH = apiRoute({
  access: "creator",
  permission: "posts:write",
  audit: "post.update",
  params,
  body: updateInputSchema,
  handler: ({ access, user, params, body, audit }) => editFromComposer(access, user, params.postUuid, body, audit),
});
