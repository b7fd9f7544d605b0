// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import {
  arr,
  bool,
  cursorOf,
  dateTime,
  enm,
  int,
  map,
  nul,
  num,
  obj,
  oneOf,
  opt,
  pageOf,
  q,
  route,
  str,
  uuid,
} from "../dsl";
import {
  errorsItem,
  listChatsResponseItem,
  listMediaResponseItem,
  listMessagesResponseItem,
  listTemplateMessagesResponseItem,
  resultsEntry,
} from "./shapes";

export const listChats = route({
  method: "GET",
  path: "/chats",
  id: "listChats",
  scopes: ["read:chat"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    customListId: q.uuid(),
    smartListIds: q.list(
      q.enm([
        "subscribers",
        "auto_renewing",
        "non_renewing",
        "followers",
        "free_trial_subscribers",
        "expired_subscribers",
        "spent_more_than_50",
        "muted",
      ]),
    ),
    filter: q.list(
      q.enm([
        "unread",
        "subscribers",
        "followers",
        "online",
        "recent_subscribers",
        "not_answered",
        "spent_more_than_50",
        "on_free_trial",
        "has_tipped",
        "spenders",
        "exclude_creators",
        "subscribed_to",
        "not_muted",
        "archived",
      ]),
    ),
    search: q.str({ maxLength: 100 }),
    sortBy: q.enm(["most_recent_messages", "online_now", "most_unanswered_chats"]),
  },
  body: null,
  responses: { 200: pageOf(listChatsResponseItem) },
  source: "both",
});

export const createChat = route({
  method: "POST",
  path: "/chats",
  id: "createChat",
  scopes: ["write:chat"],
  query: {},
  body: obj({ userUuid: uuid() }),
  responses: { 201: obj({ message: str() }) },
  source: "both",
});

export const messagesBatch = route({
  method: "POST",
  path: "/chats/messages/batch",
  id: "messagesBatch",
  scopes: ["read:chat"],
  query: {},
  body: obj({ chatUuids: arr(uuid()).min(1).max(50), limit: opt(int().min(1).max(50)), sinceMessageUuid: opt(uuid()) }),
  responses: {
    200: obj({
      byChat: map(
        oneOf(
          obj({
            hasMore: bool(),
            messages: arr(
              obj({
                hasMedia: nul(bool()),
                isRead: bool(),
                mediaType: nul(enm(["image", "video", "audio", "document"])),
                mediaUuids: arr(uuid()),
                pricing: nul(obj({ USD: obj({ price: num() }) })),
                purchasedAt: nul(dateTime()),
                recipient: obj({ handle: opt(str()), uuid: opt(uuid()) }),
                sender: obj({ handle: str(), uuid: uuid() }),
                sentAt: nul(dateTime()),
                sentByUserId: nul(uuid()),
                text: nul(str()),
                type: enm([
                  "AUTOMATED_CANCELED",
                  "AUTOMATED_NEW_FOLLOWER",
                  "AUTOMATED_NEW_PURCHASE",
                  "AUTOMATED_NEW_SUBSCRIBER",
                  "AUTOMATED_RE_SUBSCRIBED",
                  "AUTOMATED_RENEWED",
                  "AUTOMATED_CHAT_MESSAGE_REPLY",
                  "AUTOMATED_FIRST_MESSAGE_REPLY",
                  "CHAT_TEXT_GENERATION",
                  "CHAT_TEXT_REPLY",
                  "CHAT_TEXT_REWRITE",
                  "SINGLE_RECIPIENT",
                  "TIP",
                  "VOICE_CALL",
                ]),
                uuid: uuid(),
              }),
            ),
            oldestMessageUuid: nul(uuid()),
          }),
          obj({ error: enm(["forbidden", "not_found", "internal"]) }),
        ),
      ),
    }),
  },
  source: "consolidated",
});

export const getBatchStatuses = route({
  method: "POST",
  path: "/chats/statuses",
  id: "getBatchStatuses",
  scopes: ["read:chat"],
  query: {},
  body: obj({ userUuids: arr(uuid()).min(1).max(100) }),
  responses: { 200: map(obj({ isOnline: bool(), lastSeenAt: nul(dateTime()) })) },
  source: "both",
});

export const listTemplateMessages = route({
  method: "GET",
  path: "/chats/templates",
  id: "listTemplateMessages",
  scopes: ["read:chat"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }), folderName: q.str() },
  body: null,
  responses: { 200: pageOf(listTemplateMessagesResponseItem) },
  source: "both",
});

export const getTemplateMessage = route({
  method: "GET",
  path: "/chats/templates/{templateUuid}",
  id: "getTemplateMessage",
  scopes: ["read:chat"],
  query: {},
  body: null,
  responses: {
    200: obj({ uuid: uuid(), text: nul(str()), price: nul(num()), mediaUuids: arr(uuid()), folderName: nul(str()) }),
  },
  source: "both",
});

export const getUnreadChatsCount = route({
  method: "GET",
  path: "/chats/unread",
  id: "getUnreadChatsCount",
  scopes: ["read:chat"],
  query: {},
  body: null,
  responses: {
    200: obj({
      unreadChatsCount: num(),
      unreadMessagesCount: num(),
      unreadNotifications: obj({
        newFollower: num(),
        newPostComment: num(),
        newPostLike: num(),
        newPurchase: num(),
        newSubscriber: num(),
        newTip: num(),
        newPromotion: num(),
      }),
    }),
  },
  source: "both",
});

export const updateChat = route({
  method: "PATCH",
  path: "/chats/{userUuid}",
  id: "updateChat",
  scopes: ["write:chat"],
  query: {},
  body: obj({ isRead: opt(bool()), isMuted: opt(bool()), nickname: opt(str().max(30)) }),
  responses: { 204: null },
  source: "both",
});

export const listMedia = route({
  method: "GET",
  path: "/chats/{userUuid}/media",
  id: "listMedia",
  scopes: ["read:chat"],
  query: {
    cursor: q.str(),
    mediaType: q.enm(["image", "video", "audio", "document"]),
    limit: q.num({ min: 1, max: 50, default: 20 }),
  },
  body: null,
  responses: { 200: cursorOf(listMediaResponseItem) },
  source: "both",
});

export const sendMessage = route({
  method: "POST",
  path: "/chats/{userUuid}/message",
  id: "sendMessage",
  scopes: ["write:chat"],
  query: {},
  body: obj({
    text: opt(nul(str().min(1).max(5000))),
    mediaUuids: opt(arr(uuid())),
    price: opt(nul(num().min(300))),
    templateUuid: opt(nul(uuid())),
  }),
  responses: { 201: obj({ messageUuid: uuid() }) },
  source: "both",
});

export const listMessages = route({
  method: "GET",
  path: "/chats/{userUuid}/messages",
  id: "listMessages",
  scopes: ["read:chat"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    markAsRead: q.enm(["true", "false"], { default: "true" }),
  },
  body: null,
  responses: { 200: pageOf(listMessagesResponseItem) },
  source: "both",
});

export const deleteMessage = route({
  method: "DELETE",
  path: "/chats/{userUuid}/messages/{messageUuid}",
  id: "deleteMessage",
  scopes: ["write:chat"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "both",
});

export const getMessageMediaByUuids = route({
  method: "GET",
  path: "/chats/{userUuid}/messages/{messageUuid}/media",
  id: "getMessageMediaByUuids",
  scopes: ["read:chat"],
  query: { mediaUuids: q.str({ required: true }), variants: q.str() },
  body: null,
  responses: { 200: obj({ errors: arr(errorsItem), results: map(nul(resultsEntry)) }) },
  source: "consolidated",
});

export const listCreatorChats = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats",
  id: "listCreatorChats",
  scopes: ["read:creator", "read:chat"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(listChatsResponseItem) },
  source: "both",
});

export const createCreatorChat = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/chats",
  id: "createCreatorChat",
  scopes: ["write:chat", "read:creator"],
  query: {},
  body: obj({ userUuid: uuid() }),
  responses: { 201: obj({ message: str() }) },
  source: "both",
});

export const updateCreatorChat = route({
  method: "PATCH",
  path: "/creators/{creatorUserUuid}/chats/{userUuid}",
  id: "updateCreatorChat",
  scopes: ["write:chat", "read:creator"],
  query: {},
  body: obj({ isMuted: opt(bool()), isRead: opt(bool()), nickname: opt(str().max(30)) }),
  responses: { 204: null },
  source: "consolidated",
});

export const listCreatorChatMedia = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats/{userUuid}/media",
  id: "listCreatorChatMedia",
  scopes: ["read:creator", "read:chat"],
  query: {
    cursor: q.str(),
    mediaType: q.enm(["image", "video", "audio", "document"]),
    limit: q.num({ min: 1, max: 50, default: 20 }),
  },
  body: null,
  responses: { 200: cursorOf(listMediaResponseItem) },
  source: "both",
});

export const sendCreatorMessage = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/chats/{userUuid}/message",
  id: "sendCreatorMessage",
  scopes: ["write:chat", "read:creator"],
  query: {},
  body: obj({
    text: opt(nul(str().min(1).max(5000))),
    mediaUuids: opt(arr(uuid())),
    price: opt(nul(num().min(300))),
    templateUuid: opt(nul(uuid())),
  }),
  responses: { 201: obj({ messageUuid: uuid() }) },
  source: "both",
});

export const listCreatorMessages = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats/{userUuid}/messages",
  id: "listCreatorMessages",
  scopes: ["read:creator", "read:chat"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    markAsRead: q.enm(["true", "false"], { default: "true" }),
  },
  body: null,
  responses: { 200: pageOf(listMessagesResponseItem) },
  source: "both",
});

export const getCreatorMessageMediaByUuids = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats/{userUuid}/messages/{messageUuid}/media",
  id: "getCreatorMessageMediaByUuids",
  scopes: ["read:creator", "read:chat"],
  query: { mediaUuids: q.str({ required: true }), variants: q.str() },
  body: null,
  responses: { 200: obj({ errors: arr(errorsItem), results: map(nul(resultsEntry)) }) },
  source: "consolidated",
});
