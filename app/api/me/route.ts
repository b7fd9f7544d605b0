// GET /api/me – the signed-in user's Fanvue account summary (live from /users/me).
import { apiRoute } from "@/lib/server/api/route";
import { getAccountSummary } from "@/lib/server/account";

export const GET = apiRoute({
  access: "user",
  handler: ({ session }) => getAccountSummary(session.user.id),
});
