import { payoutStatementExport as contract } from "@/lib/contracts/payouts";
import { apiRoute } from "@/lib/server/api/route";
import { statementCsv } from "@/lib/server/payouts/statement-csv";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, params, query }) => {
    const res = await statementCsv(access, user.id, params.userId, query);
    await recordAudit({
      workspaceId: access.workspace.id,
      actor: user,
      action: "payout.export",
      target: params.userId,
      details: { range: query.range, from: query.from, to: query.to, tz: query.tz },
    });
    return res;
  },
});
