import { pushKey } from "@/lib/contracts/push";
import { apiRoute } from "@/lib/server/api/route";
import { vapidPublicKey } from "@/lib/server/push/send";

export const GET = apiRoute(pushKey, {
  handler: () => ({ publicKey: vapidPublicKey() }),
});
