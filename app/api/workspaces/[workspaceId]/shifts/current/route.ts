import { currentShift as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { currentShift } from "@/lib/server/shifts/clock";

export const GET = apiRoute(contract, {
  handler: ({ access, user }) => currentShift(access, user.id),
});
