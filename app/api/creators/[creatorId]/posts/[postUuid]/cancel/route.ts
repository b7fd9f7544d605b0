// POST /api/creators/:creatorId/posts/:postUuid/cancel – take a scheduled post out of the queue (parked: Fanvue has no delete).
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { cancelAudited } from "@/lib/server/posts/service";

export const POST = apiRoute({
  access: "creator",
  permission: "posts:write",
  audit: "post.cancel",
  params: z.object({ creatorId: z.string(), postUuid: z.guid({ error: "postUuid must be a post id (UUID)" }) }),
  body: z.object({}),
  handler: ({ access, user, params, audit }) => cancelAudited(access, user, params.postUuid, audit),
});
