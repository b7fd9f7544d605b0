import { automationStatus } from "@/lib/contracts/automations";
import { apiRoute } from "@/lib/server/api/route";
import { setAutomationStatus } from "@/lib/server/automations/service";

export const POST = apiRoute(automationStatus, {
  audit: "automation.status",
  handler: async ({ access, params, body, audit }) => {
    const a = await setAutomationStatus(access, params.automationId, body.status);
    audit({ target: a.id, details: { name: a.name, status: body.status } });
    return a;
  },
});
