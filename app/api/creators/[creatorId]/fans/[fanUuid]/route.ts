import { fanPanel } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { getFanPanel } from "@/lib/server/fans/panel";

export const GET = apiRoute(fanPanel, {
  handler: ({ access, params, user }) => getFanPanel(access, params.fanUuid, user),
});
