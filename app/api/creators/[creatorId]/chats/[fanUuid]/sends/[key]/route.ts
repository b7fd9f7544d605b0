// GET /api/creators/:creatorId/chats/:fanUuid/sends/:key – a send's state; "state unknown" is checked against the conversation (never resent).
import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { checkSend } from "@/lib/server/chats/send";

export const GET = apiRoute({
  access: "creator",
  permission: "chats:send",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema, key: z.string().min(8).max(100) }),
  handler: ({ access, params }) => checkSend(access, params.key),
});
