import { me } from "@/lib/contracts/account";
import { apiRoute } from "@/lib/server/api/route";
import { loadShell } from "@/lib/server/shell";

export const GET = apiRoute(me, {
  handler: ({ user }) => loadShell(user.id),
});
