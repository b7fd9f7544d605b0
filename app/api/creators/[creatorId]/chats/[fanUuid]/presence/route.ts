import { chatHeartbeat, chatPresence } from "@/lib/contracts/chat-claims";
import { apiRoute } from "@/lib/server/api/route";
import { getOwnership, heartbeat } from "@/lib/server/chats/claims";

export const GET = apiRoute(chatPresence, {
  handler: ({ access, user, params }) => getOwnership(access, params.fanUuid, user.id),
});

export const POST = apiRoute(chatHeartbeat, {
  // A beat every 10 s per open conversation: presence, not a change worth the activity log.
  audit: false,
  handler: async ({ access, user, params, body }) => {
    await heartbeat(access, user, params.fanUuid, body.state);
    return getOwnership(access, params.fanUuid, user.id);
  },
});
