import { z } from "zod";
import { assignBodySchema, claimBodySchema, heartbeatBodySchema, type ChatOwnership } from "@/lib/schemas/chat-claims";
import { fanUuidSchema } from "@/lib/schemas/chats";
import { route } from "./contract";

// Chat ownership: who holds a chat (claim or assignment) and who has it open.
// Every answer is the chat's ownership as the caller sees it afterwards.

const chatParams = z.object({ creatorId: z.string(), fanUuid: fanUuidSchema });

/** Who holds the chat and who has it open or is typing. */
export const chatPresence = route<ChatOwnership>()({
  method: "GET",
  path: "/api/creators/:creatorId/chats/:fanUuid/presence",
  access: "creator",
  permission: "chats:read",
  params: chatParams,
});

/** The open conversation's heartbeat (viewing or typing); keeps the holder's claim alive. */
export const chatHeartbeat = route<ChatOwnership>()({
  method: "POST",
  path: "/api/creators/:creatorId/chats/:fanUuid/presence",
  access: "creator",
  permission: "chats:send",
  params: chatParams,
  body: heartbeatBodySchema,
});

/** Claims the chat; 409 naming the holder while someone else holds it (a manager may take over). */
export const chatClaim = route<ChatOwnership>()({
  method: "POST",
  path: "/api/creators/:creatorId/chats/:fanUuid/claim",
  access: "creator",
  permission: "chats:send",
  params: chatParams,
  body: claimBodySchema,
});

/** Releases the chat (the holder; a manager for anyone). */
export const chatRelease = route<ChatOwnership>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/chats/:fanUuid/claim",
  access: "creator",
  permission: "chats:send",
  params: chatParams,
});

/** Assigns the chat to a member who answers this creator's chats (does not lapse). */
export const chatAssign = route<ChatOwnership>()({
  method: "PUT",
  path: "/api/creators/:creatorId/chats/:fanUuid/claim",
  access: "creator",
  permission: "chats:assign",
  params: chatParams,
  body: assignBodySchema,
});
