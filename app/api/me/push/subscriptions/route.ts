import { pushSubscribe, pushUnsubscribe } from "@/lib/contracts/push";
import { apiRoute } from "@/lib/server/api/route";
import { subscribeDevice, unsubscribeDevice } from "@/lib/server/push/subscriptions";

export const POST = apiRoute(pushSubscribe, {
  handler: async ({ req, user, body }) => Response.json(await subscribeDevice(req, user.id, body), { status: 201 }),
});

export const DELETE = apiRoute(pushUnsubscribe, {
  handler: ({ user, body }) => unsubscribeDevice(user.id, body),
});
