import { getPost, updatePost } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import { editFromComposer } from "@/lib/server/posts/service";
import { loadPostForEdit } from "@/lib/server/posts/update";

export const GET = apiRoute(getPost, {
  handler: ({ access, params }) => loadPostForEdit(access, params.postUuid),
});

export const PATCH = apiRoute(updatePost, {
  audit: "post.update",
  handler: ({ access, user, params, body, audit }) => editFromComposer(access, user, params.postUuid, body, audit),
});
