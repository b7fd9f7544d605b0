import { clockOut as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { clockOut } from "@/lib/server/shifts/clock";

export const POST = apiRoute(contract, {
  audit: "shift.clock_out",
  handler: async ({ access, user, audit }) => {
    const r = await clockOut(access, user.id);
    audit({ target: r.shift.id, creatorId: null, details: { minutes: r.shift.minutes, endReason: r.shift.endReason } });
    return r;
  },
});
