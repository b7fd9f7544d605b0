import { shiftSettings as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { setIdleMinutes } from "@/lib/server/shifts/clock";

export const PUT = apiRoute(contract, {
  audit: "shift.settings",
  handler: async ({ access, body, audit }) => {
    audit({ creatorId: null, details: { idleMinutes: body.idleMinutes } });
    return setIdleMinutes(access.workspace.id, body.idleMinutes);
  },
});
