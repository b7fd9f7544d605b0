import { automation, automationDelete, automationUpdate } from "@/lib/contracts/automations";
import { apiRoute } from "@/lib/server/api/route";
import { deleteAutomation, getAutomation, updateAutomation } from "@/lib/server/automations/service";

export const GET = apiRoute(automation, {
  handler: ({ access, params }) => getAutomation(access, params.automationId),
});

export const PUT = apiRoute(automationUpdate, {
  audit: "automation.update",
  handler: async ({ access, params, body, audit }) => {
    const a = await updateAutomation(access, params.automationId, body);
    audit({ target: a.id, details: { name: a.name, trigger: a.trigger, price: a.price } });
    return a;
  },
});

export const DELETE = apiRoute(automationDelete, {
  audit: "automation.delete",
  handler: async ({ access, params, audit }) => {
    const a = await deleteAutomation(access, params.automationId);
    audit({ target: a.id, details: { name: a.name } });
    return { id: a.id };
  },
});
