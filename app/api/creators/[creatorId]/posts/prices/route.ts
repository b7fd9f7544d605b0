import { postPrices } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import { usualPrices } from "@/lib/server/posts/prices";

export const GET = apiRoute(postPrices, {
  handler: async ({ access }) => ({ prices: await usualPrices(access) }),
});
