import { creatorSubscriberTrendsExport as contract } from "@/lib/contracts/subscriber-trends";
import { apiRoute } from "@/lib/server/api/route";
import { getSubscriberTrends } from "@/lib/server/growth/subscriber-trends";
import { subscriberTrendsCsv } from "@/lib/server/growth/subscriber-trends-csv";
import { recordAudit } from "@/lib/server/workspaces/audit";

export const GET = apiRoute(contract, {
  handler: async ({ access, user, query }) => {
    const res = subscriberTrendsCsv(await getSubscriberTrends([access], query), access.creator.handle);
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: access.creator.id,
      actor: user,
      action: "subscriber_trends.export",
      target: access.creator.id,
      details: { range: query.range, from: query.from, to: query.to, tz: query.tz, granularity: query.granularity },
    });
    return res;
  },
});
