import { reassignSale as contract } from "@/lib/contracts/performance";
import { apiRoute } from "@/lib/server/api/route";
import { reassignSale } from "@/lib/server/agency/sales";

export const POST = apiRoute(contract, {
  audit: "sale.reassign",
  handler: async ({ access, user, params, body, audit }) => {
    const r = await reassignSale(access, user, params.saleId, body);
    audit({
      target: params.saleId,
      creatorId: r.creatorId,
      details: { from: r.from, to: r.sale.userName, reason: body.reason, gross: r.gross },
    });
    return { sale: r.sale };
  },
});
