import { postQueue } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import { getQueue } from "@/lib/server/posts/queue-sources";

export const GET = apiRoute(postQueue, {
  handler: ({ access }) => getQueue(access),
});
