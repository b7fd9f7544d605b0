import { fansList } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { listFans } from "@/lib/server/fans/table";

export const GET = apiRoute(fansList, {
  handler: ({ access, query, user }) => listFans(access, query, user),
});
