import { pushTest } from "@/lib/contracts/push";
import { apiRoute } from "@/lib/server/api/route";
import { sendTestToUser } from "@/lib/server/push/deliver";
import { testNotice } from "@/lib/server/push/notices";

export const POST = apiRoute(pushTest, {
  handler: ({ user }) => sendTestToUser(user.id, testNotice()),
});
