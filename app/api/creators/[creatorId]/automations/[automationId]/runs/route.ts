import { automationRuns } from "@/lib/contracts/automations";
import { apiRoute } from "@/lib/server/api/route";
import { listRuns } from "@/lib/server/automations/service";

export const GET = apiRoute(automationRuns, {
  handler: ({ access, params, query }) => listRuns(access, params.automationId, query),
});
