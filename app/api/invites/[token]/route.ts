// GET /api/invites/:token – what an invite link offers (public: shown before sign-in).
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { previewInvite } from "@/lib/server/workspaces/invites";

export const GET = apiRoute({
  access: "public",
  params: z.object({ token: z.string().min(20).max(100) }),
  handler: ({ params }) => previewInvite(params.token),
});
