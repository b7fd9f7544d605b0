import { z } from "zod";
import {
  chatPatchSchema,
  fanUuidSchema,
  inboxQuerySchema,
  sendBodySchema,
  teamInboxQuerySchema,
  type ChatMediaPage,
  type ConversationPage,
  type InboxPage,
  type SendView,
  type TeamInboxPage,
  type TemplatesView,
} from "@/lib/schemas/chats";
import { route } from "./contract";

// Chats: one creator's inbox and conversations, sends, per-chat actions and
// templates; the team inbox and its live stream.

const chatParams = z.object({ creatorId: z.string(), fanUuid: fanUuidSchema });

/** The inbox: one page of chats (filter, list, search, sort), unread total. */
export const inbox = route<InboxPage>()({
  method: "GET",
  path: "/api/creators/:creatorId/chats",
  access: "creator",
  permission: "chats:read",
  query: inboxQuerySchema,
});

/** Message templates (self-connected creators only). */
export const chatTemplates = route<TemplatesView>()({
  method: "GET",
  path: "/api/creators/:creatorId/chats/templates",
  access: "creator",
  permission: "chats:read",
});

/** Mark read/unread, mute, nickname. */
export const chatUpdate = route<{ ok: true }>()({
  method: "PATCH",
  path: "/api/creators/:creatorId/chats/:fanUuid",
  access: "creator",
  permission: "chats:send",
  params: chatParams,
  body: chatPatchSchema,
});

/** Media of a conversation with thumbnail URLs (newest first, cursor). */
export const chatMedia = route<ChatMediaPage>()({
  method: "GET",
  path: "/api/creators/:creatorId/chats/:fanUuid/media",
  access: "creator",
  permission: "chats:read",
  params: chatParams,
  query: z.object({ cursor: z.string().max(500).optional() }),
});

/** A conversation page (newest first) with pending sends. */
export const conversation = route<ConversationPage>()({
  method: "GET",
  path: "/api/creators/:creatorId/chats/:fanUuid/messages",
  access: "creator",
  permission: "chats:read",
  params: chatParams,
  query: z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) }),
});

/** Send (text, vault media, PPV, template); idempotent per key. 201 new, 200
 * a repeat of the same key, 202 while its outcome is open. */
export const chatSend = route<SendView>()({
  method: "POST",
  path: "/api/creators/:creatorId/chats/:fanUuid/messages",
  access: "creator",
  permission: "chats:send",
  params: chatParams,
  body: sendBodySchema,
});

/** Unsend one of the creator's messages. */
export const messageUnsend = route<{ ok: true }>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/chats/:fanUuid/messages/:messageUuid",
  access: "creator",
  permission: "chats:send",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema, messageUuid: fanUuidSchema }),
});

/** A send's state; "state unknown" is checked against the conversation (never resent). */
export const sendCheck = route<SendView>()({
  method: "GET",
  path: "/api/creators/:creatorId/chats/:fanUuid/sends/:key",
  access: "creator",
  permission: "chats:send",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema, key: z.string().min(8).max(100) }),
});

/** The team inbox: chats of every creator in the member's scope, newest first, tagged. */
export const teamInbox = route<TeamInboxPage>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/chats",
  access: "workspace",
  permission: "chats:read",
  query: teamInboxQuerySchema,
});

/** Server-sent events: new messages, tips, purchases, subscribers of the
 * creators in scope (EventSource only; `since` or Last-Event-ID replays). */
export const teamLive = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/live",
  access: "workspace",
  permission: "chats:read",
  query: z.object({ since: z.coerce.number().int().min(0).optional() }),
  raw: true,
});
