import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { parseResponse } from "../parse";
import { cents, isoDate, nullable, pageOf } from "../schemas/common";
import { listChatMedia as listMediaOfChat, withVariants, type ChatMedia } from "./media-sent";

// Chat messages and per-chat actions (contract §5.2–5.3, §5.5 templates).

const statusSchema = z.record(
  z.string(),
  z.looseObject({ isOnline: z.boolean().default(false), lastSeenAt: nullable(isoDate) }),
);

/** Presence of up to 100 fans (self routes only: no agency mirror). */
export async function chatStatuses(client: FanvueClient, userUuids: string[]) {
  if (userUuids.length === 0) return {};
  const res = await client.selfOnly("POST", "/chats/statuses", {
    body: { userUuids: userUuids.slice(0, 100) },
    idempotent: true,
    write: false,
  });
  return parseResponse(statusSchema, res.body, "/chats/statuses");
}

export const messageSchema = z.looseObject({
  uuid: z.string(),
  text: nullable(z.string()),
  sentAt: nullable(isoDate),
  sender: nullable(z.looseObject({ uuid: z.string() })),
  hasMedia: z.boolean().default(false),
  mediaType: nullable(z.string()),
  mediaUuids: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  type: nullable(z.string()),
  pricing: nullable(z.looseObject({ USD: nullable(z.looseObject({ price: cents })) })),
  purchasedAt: nullable(isoDate),
  isRead: z.boolean().default(false),
  sentByUserId: nullable(z.string()),
});
export type FanvueMessage = z.infer<typeof messageSchema>;

/** One page of a conversation, newest first. Never marks the chat read:
 * reading is an explicit action (PATCH isRead), so a background refresh
 * cannot undo "mark as unread". */
export async function listMessages(
  client: FanvueClient,
  fanUuid: string,
  page: number,
  size: number,
  priority: Priority = "interactive",
) {
  const path = `/chats/${encodeURIComponent(fanUuid)}/messages`;
  const res = await client.creator("GET", path, { priority, query: { page, size, markAsRead: false } });
  return parseResponse(pageOf(messageSchema), res.body, "/chats/{u}/messages");
}

export type SendPayload = {
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  templateUuid: string | null;
};

/** Sends one message. Never retried on an unclear outcome (idempotent: false):
 * the caller reconciles against the conversation instead. */
export async function sendMessage(client: FanvueClient, fanUuid: string, p: SendPayload) {
  const body: Record<string, unknown> = {};
  if (p.text !== null) body.text = p.text;
  if (p.mediaUuids.length) body.mediaUuids = p.mediaUuids;
  if (p.price !== null) body.price = p.price;
  if (p.templateUuid !== null) body.templateUuid = p.templateUuid;
  const res = await client.creator("POST", `/chats/${encodeURIComponent(fanUuid)}/message`, {
    body,
    idempotent: false,
  });
  return parseResponse(z.looseObject({ messageUuid: z.string() }), res.body, "/chats/{u}/message");
}

/** Unsends one of the creator's own messages (self route only: Fanvue has no
 * agency variant). Deleting twice changes nothing, so a transient failure is
 * retried; a 404 may then mean "already gone" or "this Fanvue has no unsend",
 * which the caller tells apart by reading the conversation. */
export async function deleteMessage(client: FanvueClient, fanUuid: string, messageUuid: string) {
  await client.selfOnly("DELETE", `/chats/${encodeURIComponent(fanUuid)}/messages/${encodeURIComponent(messageUuid)}`, {
    idempotent: true,
  });
}

/** Starts a conversation (Fanvue: 201 even if it exists; 400 if the fan
 * cannot be messaged). Creating it twice changes nothing: safe to retry. */
export async function openChat(client: FanvueClient, fanUuid: string) {
  await client.creator("POST", "/chats", { body: { userUuid: fanUuid }, idempotent: true });
}

/** `nickname` is a string of at most 30 in the reference, never null: "" is
 * how a nickname is cleared. */
export type ChatUpdate = { isRead?: boolean; isMuted?: boolean; nickname?: string };

export async function updateChat(client: FanvueClient, fanUuid: string, patch: ChatUpdate) {
  // Setting the same flags twice gives the same state: safe to retry.
  await client.creator("PATCH", `/chats/${encodeURIComponent(fanUuid)}`, { body: patch, idempotent: true });
}

const templateSchema = z.looseObject({
  uuid: z.string(),
  text: nullable(z.string()),
  price: nullable(cents),
  mediaUuids: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  folderName: nullable(z.string()),
});
export type FanvueTemplate = z.infer<typeof templateSchema>;

/** Templates exist on self routes only (§6). */
export async function listTemplates(client: FanvueClient, page: number) {
  const res = await client.selfOnly("GET", "/chats/templates", { query: { page, size: 50 } });
  return parseResponse(pageOf(templateSchema), res.body, "/chats/templates");
}

export type FanvueChatMedia = { uuid: string; messageUuid: string; mediaType: string; variants: ChatMedia["variants"] };

/** Media of the conversation with their thumbnails, newest first. The list
 * documents no `variants`, so thumbnails come from one lookup per message
 * (media-sent.ts); 20 per page (the list's default) bounds those lookups. */
export async function listChatMedia(client: FanvueClient, fanUuid: string, cursor: string | undefined) {
  const page = await listMediaOfChat(client, fanUuid, { cursor, limit: 20 });
  const items = await withVariants(client, fanUuid, page.data, ["thumbnail"]);
  const data: FanvueChatMedia[] = items.map((m) => ({
    uuid: m.uuid,
    messageUuid: m.messageUuid ?? "",
    mediaType: m.mediaType ?? "unknown",
    variants: m.variants,
  }));
  return { data, nextCursor: page.nextCursor };
}
