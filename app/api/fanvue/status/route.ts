import { fanvueStatus } from "@/lib/contracts/account";
import { apiRoute } from "@/lib/server/api/route";
import { isAuthServerReachable } from "@/lib/server/fanvue/oauth";

export const GET = apiRoute(fanvueStatus, {
  handler: async () => ({ reachable: await isAuthServerReachable() }),
});
