import { shiftHeartbeat as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { heartbeat } from "@/lib/server/shifts/clock";

// Every minute per clocked-in member: not worth an activity-log line each.
export const POST = apiRoute(contract, {
  audit: false,
  handler: ({ access, user }) => heartbeat(access, user.id),
});
