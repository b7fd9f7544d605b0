import { clockIn as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { clockIn } from "@/lib/server/shifts/clock";

export const POST = apiRoute(contract, {
  audit: "shift.clock_in",
  handler: async ({ access, user, audit }) => {
    const r = await clockIn(access, user);
    audit({ target: r.shift.id, creatorId: null });
    return r;
  },
});
