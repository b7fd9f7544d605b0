import { markStatementPaid as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { markPaid } from "@/lib/server/payouts/pay";

export const POST = apiRoute(contract, {
  audit: "payout.pay",
  handler: async ({ access, user, params, query, audit }) => {
    const s = await markPaid(access, user, params.userId, query);
    audit({
      target: params.userId,
      creatorId: null,
      details: { member: s.member.name, from: s.period.from, to: s.period.to, tz: s.period.tz, total: s.totals.total },
    });
    return s;
  },
});
