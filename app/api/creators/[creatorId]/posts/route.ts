// POST /api/creators/:creatorId/posts – publish or schedule a post; idempotent per `key` (audited once, by the request that made the post).
import { publishInputSchema } from "@/lib/schemas/posts";
import { apiRoute } from "@/lib/server/api/route";
import { publishFromComposer } from "@/lib/server/posts/service";

export const POST = apiRoute({
  access: "creator",
  permission: "posts:write",
  audit: false,
  body: publishInputSchema,
  handler: ({ access, user, body }) => publishFromComposer(access, user, body),
});
