import { cancelPost } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import { cancelAudited } from "@/lib/server/posts/service";

export const POST = apiRoute(cancelPost, {
  audit: "post.cancel",
  handler: ({ access, user, params, audit }) => cancelAudited(access, user, params.postUuid, audit),
});
