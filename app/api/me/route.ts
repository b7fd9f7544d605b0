// GET /api/me – the signed-in user, their workspaces and every creator they may open.
import { apiRoute } from "@/lib/server/api/route";
import { loadShell } from "@/lib/server/shell";

export const GET = apiRoute({
  access: "user",
  handler: ({ user }) => loadShell(user.id),
});
