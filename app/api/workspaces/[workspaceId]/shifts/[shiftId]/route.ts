import { correctShift as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { correctShift } from "@/lib/server/shifts/list";

export const PATCH = apiRoute(contract, {
  audit: "shift.correct",
  handler: async ({ access, user, params, body, audit }) => {
    const r = await correctShift(access, user, params.shiftId, body);
    audit({
      target: params.shiftId,
      creatorId: null,
      details: {
        member: r.member,
        before: r.before,
        startedAt: body.startedAt,
        endedAt: body.endedAt,
        reason: body.reason,
      },
    });
    return { shift: r.shift };
  },
});
