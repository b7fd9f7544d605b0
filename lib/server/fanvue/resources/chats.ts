import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { parseResponse } from "../parse";
import { fanUserSchema, isoDate, nullable, pageOf } from "../schemas/common";

// Chats (contract §5.2): the chat list, unread counts, smart lists.
// `GET /chats` documents filters, search and sorts; `GET /creators/{c}/chats`
// documents page and size only, so agencies read plain pages (and Vuedeck
// filters its own mirror of them: lib/server/chats/mirror).

export const smartListSchema = z.looseObject({ uuid: z.string(), name: z.string(), count: z.number().int() });
export type SmartList = z.infer<typeof smartListSchema>;

export async function listSmartLists(client: FanvueClient, priority: Priority = "interactive"): Promise<SmartList[]> {
  const res = await client.creator("GET", "/chats/lists/smart", { priority });
  return parseResponse(z.array(smartListSchema), res.body, "/chats/lists/smart");
}

export const lastMessageSchema = z.looseObject({
  uuid: z.string(),
  text: nullable(z.string()),
  type: nullable(z.string()),
  sentAt: nullable(isoDate),
  hasMedia: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  mediaType: nullable(z.string()),
  /** The fan or the creator. */
  senderUuid: nullable(z.string()),
  /** Which team member wrote it for the creator (null: the creator, or a fan). */
  sentByUserId: nullable(z.string()),
});

export const chatSchema = z.looseObject({
  createdAt: nullable(isoDate),
  lastMessageAt: nullable(isoDate),
  isRead: z.boolean().default(true),
  isMuted: z.boolean().default(false),
  unreadMessagesCount: z.number().int().default(0),
  user: fanUserSchema,
  lastMessage: nullable(lastMessageSchema),
});
export type Chat = z.infer<typeof chatSchema>;

const chatPage = pageOf(chatSchema);

/** One page of the chat list with nothing but page and size: what both route
 * families document. */
export async function listChatPage(
  client: FanvueClient,
  page: number,
  size: number,
  priority: Priority = "interactive",
) {
  const res = await client.creator("GET", "/chats", { priority, query: { page, size } });
  return parseResponse(chatPage, res.body, "/chats");
}

export type ChatSearch = {
  page: number;
  size: number;
  filter?: string[];
  smartListIds?: string[];
  customListId?: string;
  search?: string;
  sortBy?: string;
};

/** The self route's documented filters, lists, search and sort ("unsupported"
 * for agencies: their route documents none of them). */
export async function searchChats(client: FanvueClient, q: ChatSearch, priority: Priority = "interactive") {
  const res = await client.selfOnly("GET", "/chats", {
    priority,
    query: {
      page: q.page,
      size: q.size,
      filter: q.filter,
      smartListIds: q.smartListIds,
      customListId: q.customListId,
      search: q.search || undefined,
      sortBy: q.sortBy,
    },
  });
  return parseResponse(chatPage, res.body, "/chats");
}

const unreadSchema = z.looseObject({ unreadChatsCount: z.number().int(), unreadMessagesCount: z.number().int() });

/** Unread chats and messages in one call: self routes only (agencies have no
 * /creators/{c}/chats/unread; they count the mirror). */
export async function getUnreadCounts(client: FanvueClient) {
  const res = await client.selfOnly("GET", "/chats/unread");
  return parseResponse(unreadSchema, res.body, "/chats/unread");
}
