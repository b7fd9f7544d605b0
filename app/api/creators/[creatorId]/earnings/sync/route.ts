import { earningsSyncNow } from "@/lib/contracts/earnings";
import { apiRoute } from "@/lib/server/api/route";
import { requestEarningsSync } from "@/lib/server/earnings/jobs";

export const POST = apiRoute(earningsSyncNow, {
  audit: false,
  handler: async ({ access }) => {
    const job = await requestEarningsSync(access.creator.id, access.workspace.connectionId, new Date(), true);
    return Response.json({ jobId: job.id, status: job.status }, { status: 202 });
  },
});
