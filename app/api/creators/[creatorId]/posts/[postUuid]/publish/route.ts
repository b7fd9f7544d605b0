// POST /api/creators/:creatorId/posts/:postUuid/publish – publish a scheduled post now (a no-op once published).
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { publishNowAudited } from "@/lib/server/posts/service";

export const POST = apiRoute({
  access: "creator",
  permission: "posts:write",
  audit: "post.publish_now",
  params: z.object({ creatorId: z.string(), postUuid: z.guid({ error: "postUuid must be a post id (UUID)" }) }),
  body: z.object({}),
  handler: ({ access, params, audit }) => publishNowAudited(access, params.postUuid, audit),
});
