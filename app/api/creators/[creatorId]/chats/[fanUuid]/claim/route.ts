import { chatAssign, chatClaim, chatRelease } from "@/lib/contracts/chat-claims";
import { apiRoute } from "@/lib/server/api/route";
import { assignChat, claimChat, getOwnership, releaseChat } from "@/lib/server/chats/claims";

export const POST = apiRoute(chatClaim, {
  audit: "chat.claim",
  handler: async ({ access, user, params, body, audit }) => {
    const r = await claimChat(access, user, params.fanUuid, body.takeOver ?? false);
    audit({ target: params.fanUuid, details: { from: r.from, takeOver: r.from !== null } });
    return getOwnership(access, params.fanUuid, user.id);
  },
});

export const DELETE = apiRoute(chatRelease, {
  audit: "chat.release",
  handler: async ({ access, user, params, audit }) => {
    const r = await releaseChat(access, user, params.fanUuid);
    audit({ target: params.fanUuid, details: { from: r.from } });
    return getOwnership(access, params.fanUuid, user.id);
  },
});

export const PUT = apiRoute(chatAssign, {
  audit: "chat.assign",
  handler: async ({ access, user, params, body, audit }) => {
    const r = await assignChat(access, user, params.fanUuid, body.userId);
    audit({ target: params.fanUuid, details: { from: r.from, to: r.to } });
    return getOwnership(access, params.fanUuid, user.id);
  },
});
