import { publishPostNow } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import { publishNowAudited } from "@/lib/server/posts/service";

export const POST = apiRoute(publishPostNow, {
  audit: "post.publish_now",
  handler: ({ access, params, audit }) => publishNowAudited(access, params.postUuid, audit),
});
