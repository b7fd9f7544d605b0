import { invitePreview } from "@/lib/contracts/account";
import { apiRoute } from "@/lib/server/api/route";
import { previewInvite } from "@/lib/server/workspaces/invites";

export const GET = apiRoute(invitePreview, {
  handler: ({ params }) => previewInvite(params.token),
});
