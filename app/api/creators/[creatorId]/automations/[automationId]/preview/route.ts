import { automationPreview } from "@/lib/contracts/automations";
import { apiRoute } from "@/lib/server/api/route";
import { previewOf } from "@/lib/server/automations/service";

export const GET = apiRoute(automationPreview, {
  handler: ({ access, params }) => previewOf(access, params.automationId),
});
