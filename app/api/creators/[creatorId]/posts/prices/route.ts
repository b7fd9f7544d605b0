// GET /api/creators/:creatorId/posts/prices – the creator's usual PPV prices (composer quick picks).
import { apiRoute } from "@/lib/server/api/route";
import { usualPrices } from "@/lib/server/posts/prices";

export const GET = apiRoute({
  access: "creator",
  permission: "posts:read",
  handler: async ({ access }) => ({ prices: await usualPrices(access) }),
});
