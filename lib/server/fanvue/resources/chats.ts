import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { parseResponse } from "../parse";
import { fanUserSchema, isoDate, nullable, pageOf } from "../schemas/common";

// Chats (contract §5.2): list, unread counts, smart lists.

export const smartListSchema = z.looseObject({ uuid: z.string(), name: z.string(), count: z.number().int() });
export type SmartList = z.infer<typeof smartListSchema>;

export async function listSmartLists(client: FanvueClient, priority: "interactive" | "background" = "interactive"): Promise<SmartList[]> {
  const res = await client.creator("GET", "/chats/lists/smart", { priority });
  return parseResponse(z.array(smartListSchema), res.body, "/chats/lists/smart");
}

export const chatSchema = z.looseObject({
  createdAt: nullable(isoDate),
  lastMessageAt: nullable(isoDate),
  isRead: z.boolean().default(true),
  isMuted: z.boolean().default(false),
  unreadMessagesCount: z.number().int().default(0),
  user: fanUserSchema,
  lastMessage: nullable(
    z.looseObject({
      uuid: z.string(),
      text: nullable(z.string()),
      type: nullable(z.string()),
      sentAt: nullable(isoDate),
      hasMedia: z.boolean().default(false),
      mediaType: nullable(z.string()),
      senderUuid: nullable(z.string()),
    }),
  ),
});
export type Chat = z.infer<typeof chatSchema>;

const chatPage = pageOf(chatSchema);

export async function listChats(client: FanvueClient, q: { page?: number; size?: number; filter?: string[]; search?: string; sortBy?: string } = {}) {
  const res = await client.creator("GET", "/chats", { query: { page: q.page ?? 1, size: q.size ?? 15, filter: q.filter, search: q.search, sortBy: q.sortBy } });
  return parseResponse(chatPage, res.body, "/chats");
}

const unreadSchema = z.looseObject({ unreadChatsCount: z.number().int(), unreadMessagesCount: z.number().int() });

/** Unread chats: one call on self routes; agencies have no creator-scoped
 * /chats/unread, so count the `unread` filter there (capped). */
export async function countUnreadChats(client: FanvueClient, cap = 500): Promise<{ count: number; capped: boolean }> {
  if (client.mode === "self") {
    const res = await client.creator("GET", "/chats/unread");
    return { count: parseResponse(unreadSchema, res.body, "/chats/unread").unreadChatsCount, capped: false };
  }
  let count = 0;
  for (let page = 1; count < cap; page++) {
    const res = await listChats(client, { page, size: 50, filter: ["unread"] });
    count += res.data.length;
    if (!res.pagination.hasMore) return { count, capped: false };
  }
  return { count, capped: true };
}
