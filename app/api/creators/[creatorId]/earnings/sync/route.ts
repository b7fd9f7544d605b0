// POST /api/creators/:creatorId/earnings/sync – sync the ledger from Fanvue now (also retries a failed sync).
import { apiRoute } from "@/lib/server/api/route";
import { requestEarningsSync } from "@/lib/server/earnings/jobs";

export const POST = apiRoute({
  access: "creator",
  permission: "earnings:read",
  audit: false,
  handler: async ({ access }) => {
    const job = await requestEarningsSync(access.creator.id, access.workspace.connectionId);
    return Response.json({ jobId: job.id, status: job.status }, { status: 202 });
  },
});
