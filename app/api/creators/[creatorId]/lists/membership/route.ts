import { listMembership } from "@/lib/contracts/lists";
import { apiRoute } from "@/lib/server/api/route";
import { listsOfFan } from "@/lib/server/mass/audience";

export const GET = apiRoute(listMembership, {
  handler: ({ access, query }) => listsOfFan(access, query.fan),
});
