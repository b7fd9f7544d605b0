import { workspaceShifts as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { listShifts } from "@/lib/server/shifts/list";

export const GET = apiRoute(contract, {
  handler: ({ access, user, query }) => listShifts(access, user.id, query),
});
