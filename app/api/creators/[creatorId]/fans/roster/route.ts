import { fanRoster, fanRosterSync } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { getRosterView, resyncRoster } from "@/lib/server/fans/roster/roster-view";

export const GET = apiRoute(fanRoster, {
  handler: async ({ access }) => (await getRosterView(access)).view,
});

export const POST = apiRoute(fanRosterSync, {
  audit: "fans.roster.sync",
  handler: ({ access }) => resyncRoster(access),
});
