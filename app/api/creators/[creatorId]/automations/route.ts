import { automationCreate, automations } from "@/lib/contracts/automations";
import { apiRoute } from "@/lib/server/api/route";
import { createAutomation, listAutomations } from "@/lib/server/automations/service";

export const GET = apiRoute(automations, {
  handler: ({ access }) => listAutomations(access),
});

export const POST = apiRoute(automationCreate, {
  audit: "automation.create",
  handler: async ({ access, user, body, audit }) => {
    const a = await createAutomation(access, user, body);
    audit({ target: a.id, details: { name: a.name, trigger: a.trigger, price: a.price } });
    return Response.json(a, { status: 201 });
  },
});
