// POST /api/invites/:token/accept – join the workspace with the invite's role and creators.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { acceptInvite } from "@/lib/server/workspaces/invites";

export const POST = apiRoute({
  access: "user",
  params: z.object({ token: z.string().min(20).max(100) }),
  handler: async ({ params, user }) => Response.json(await acceptInvite(params.token, user), { status: 201 }),
});
