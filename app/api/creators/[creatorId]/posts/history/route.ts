import { postHistory } from "@/lib/contracts/posts";
import { apiRoute } from "@/lib/server/api/route";
import { getHistory } from "@/lib/server/posts/history";

export const GET = apiRoute(postHistory, {
  handler: ({ access, query }) => getHistory(access, query),
});
