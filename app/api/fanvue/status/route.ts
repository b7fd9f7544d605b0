// GET /api/fanvue/status – is Fanvue's sign-in service reachable (public; the sign-in page asks before redirecting).
import { apiRoute } from "@/lib/server/api/route";
import { isAuthServerReachable } from "@/lib/server/fanvue/oauth";

export const GET = apiRoute({
  access: "public",
  handler: async () => ({ reachable: await isAuthServerReachable() }),
});
