import { publishPost } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import { publishFromComposer } from "@/lib/server/posts/service";

export const POST = apiRoute(publishPost, {
  audit: false,
  handler: ({ access, user, body }) => publishFromComposer(access, user, body),
});
