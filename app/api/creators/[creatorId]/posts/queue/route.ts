// GET /api/creators/:creatorId/posts/queue – everything scheduled to go out, by time (and cancelled posts).
import { apiRoute } from "@/lib/server/api/route";
import { getQueue } from "@/lib/server/posts/queue-sources";

export const GET = apiRoute({
  access: "creator",
  permission: "posts:read",
  handler: ({ access }) => getQueue(access),
});
