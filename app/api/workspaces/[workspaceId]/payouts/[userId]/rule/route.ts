import { setCommissionRule as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { setCommissionRule } from "@/lib/server/payouts/pay";

export const PUT = apiRoute(contract, {
  audit: "payout.rule",
  handler: async ({ access, user, params, body, audit }) => {
    const r = await setCommissionRule(access, user, params.userId, body);
    audit({ target: params.userId, creatorId: null, details: { member: r.member, ...body } });
    return { rule: r.rule };
  },
});
