// GET /api/creators/:creatorId/chats/:fanUuid/messages – a conversation page (newest first) with pending sends.
// POST /api/creators/:creatorId/chats/:fanUuid/messages – send (text, vault media, PPV, template); idempotent per key.
import { z } from "zod";
import { fanUuidSchema, sendBodySchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { getConversation } from "@/lib/server/chats/conversation";
import { sendChatMessage } from "@/lib/server/chats/send";

const params = z.object({ creatorId: z.string(), fanUuid: fanUuidSchema });

export const GET = apiRoute({
  access: "creator",
  permission: "chats:read",
  params,
  query: z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) }),
  handler: ({ access, params, query }) => getConversation(access, params.fanUuid, query.page),
});

export const POST = apiRoute({
  access: "creator",
  permission: "chats:send",
  // Audited as "message.send" when the message really goes out (not per duplicate).
  audit: false,
  params,
  body: sendBodySchema,
  handler: async ({ access, user, params, body }) => {
    const { send, created } = await sendChatMessage(access, user, params.fanUuid, body);
    const status = send.status === "unknown" || send.status === "sending" ? 202 : created ? 201 : 200;
    return Response.json(send, { status, headers: { "Cache-Control": "no-store" } });
  },
});
