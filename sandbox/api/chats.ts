// §5.2 Chats (own inbox and the creator-scoped agency mirror, §6): list, create,
// update, unread counts and presence. Messages, media, mass messages, lists and
// templates live in the sibling modules registered from here.
import { badRequest, HttpError, jsonBody, send, validation, type Router } from "../http";
import type { Sandbox } from "../state";
import type { CreatorWorld } from "../world/types";
import { bool, fanUserOf, iso, pageParams, paged, uuidList, uuidParam } from "./common";
import { recentChats, selectChats } from "./chats-filters";
import { registerChatMedia } from "./chats-media";
import {
  conversationOr404,
  lastMessageOf,
  lastMessageSummary,
  markChatRead,
  markChatUnread,
  messagesOf,
} from "./chats-shared";
import { CHAT_READ, CHAT_WRITE, withDue } from "./chats-spec";
import { registerLists } from "./lists";
import { registerMassMessages } from "./mass-messages";
import { registerMessages } from "./messages";
import { isUuid, type Api } from "./registry";
import { registerTemplates } from "./templates";

const HOUR = 3_600_000;

export function registerChats(api: Api, sb: Sandbox, _open: Router) {
  // Literal sub-paths first so `/chats/unread` never reads as a fan uuid.
  api.route(
    "GET",
    "/chats/unread",
    { subject: "creator" },
    withDue(sb, (ctx) => send(ctx, 200, unreadCounts(sb, ctx.creator))),
  );

  api.route("POST", "/chats/statuses", { subject: "creator" }, (ctx) => {
    const body = jsonBody(ctx);
    const uuids = uuidList(body.userUuids, "userUuids", 100, 1);
    const c = ctx.creator;
    const now = sb.clock.now();
    const out: Record<string, { isOnline: boolean; lastSeenAt: string | null }> = {};
    // Users outside the creator's audience are left out of the map.
    for (const u of uuids) {
      const idx = c.fanIndex.get(u);
      if (idx === undefined) continue;
      const fan = c.fans[idx]!;
      const hidden = fan.lastSeenAt === null;
      out[u] = {
        isOnline: !hidden && fan.isOnline,
        lastSeenAt: hidden ? null : iso(fan.isOnline ? now : fan.lastSeenAt),
      };
    }
    send(ctx, 200, out);
  });

  registerMassMessages(api, sb);
  registerLists(api, sb);
  registerTemplates(api, sb);

  api.route(
    "GET",
    "/chats",
    CHAT_READ,
    withDue(sb, (ctx) => {
      const p = pageParams(ctx);
      const c = ctx.creator;
      // The agency route documents page and size only (§6).
      const rows = ctx.viaAgency ? recentChats(c) : selectChats(sb, ctx, c);
      send(
        ctx,
        200,
        paged(rows, p, (chat) => ({
          createdAt: iso(chat.createdAt),
          lastMessageAt: iso(chat.lastMessageAt),
          isRead: chat.unreadCount === 0,
          isMuted: chat.isMuted,
          unreadMessagesCount: chat.unreadCount,
          user: fanUserOf(c, chat.fanIdx),
          lastMessage: lastMessageSummary(c, chat, lastMessageOf(messagesOf(sb, c, chat))),
        })),
      );
    }),
  );

  api.route(
    "POST",
    "/chats",
    CHAT_WRITE,
    withDue(sb, (ctx) => {
      const body = jsonBody(ctx);
      if (typeof body.userUuid !== "string" || !isUuid(body.userUuid))
        throw validation("userUuid must be a valid UUID");
      const c = ctx.creator;
      const idx = c.fanIndex.get(body.userUuid);
      if (idx === undefined) throw new HttpError(404, { message: "User not found" });
      if (!c.relations[idx]!.contactable) throw badRequest("This user is not contactable");
      if (c.chats.has(idx)) {
        send(ctx, 201, { message: "Chat already exists" });
        return;
      }
      const now = sb.clock.now();
      // A new conversation starts empty; `messages: []` stops the lazy seeding
      // from inventing a history for it.
      c.chats.set(idx, {
        fanIdx: idx,
        createdAt: now,
        lastMessageAt: now,
        isMuted: false,
        unreadCount: 0,
        messages: [],
      });
      send(ctx, 201, { message: "Chat created" });
    }),
  );

  api.route(
    "PATCH",
    "/chats/:userUuid",
    CHAT_WRITE,
    withDue(sb, (ctx) => {
      const userUuid = uuidParam(ctx, "userUuid");
      const body = jsonBody(ctx);
      const isRead = bool(body.isRead, "isRead");
      const isMuted = bool(body.isMuted, "isMuted");
      // The reference types nickname as a string of at most 30 (checked before
      // this handler), never null: an empty string is how a nickname is cleared.
      const nickname = typeof body.nickname === "string" ? body.nickname.trim() : undefined;
      if (isRead === undefined && isMuted === undefined && nickname === undefined) {
        throw validation("at least one of isRead, isMuted, nickname must be given");
      }
      const c = ctx.creator;
      const chat = conversationOr404(c, userUuid);
      if (isRead === true) markChatRead(sb, c, chat);
      if (isRead === false) markChatUnread(sb, c, chat);
      if (isMuted !== undefined) chat.isMuted = isMuted;
      // Stored on the relation so every FanUser of this fan shows it.
      if (nickname !== undefined) c.relations[chat.fanIdx]!.nickname = nickname || null;
      send(ctx, 204);
    }),
  );

  registerMessages(api, sb);
  registerChatMedia(api, sb);
}

/** Unread chat totals plus notification counters. The sandbox has no
 * notification inbox, so the counters are the events of the last 24 hours. */
function unreadCounts(sb: Sandbox, c: CreatorWorld) {
  let unreadChatsCount = 0;
  let unreadMessagesCount = 0;
  for (const chat of c.chats.values()) {
    if (chat.unreadCount > 0) unreadChatsCount++;
    unreadMessagesCount += chat.unreadCount;
  }
  const now = sb.clock.now();
  const since = now - 24 * HOUR;
  const within = (t: number | null) => t !== null && t >= since && t <= now;
  let newFollower = 0;
  let newSubscriber = 0;
  for (const r of c.relations) {
    if (within(r.followedAt)) newFollower++;
    if (within(r.subscribedAt)) newSubscriber++;
  }
  let newTip = 0;
  let newPurchase = 0;
  for (let i = c.ledger.lowerBound(since); i < c.ledger.length && c.ledger.at[i]! <= now; i++) {
    const source = c.ledger.row(i).source;
    if (source === "tip") newTip++;
    else if (source === "message" || source === "post") newPurchase++;
  }
  let newPostLike = 0;
  let newPostComment = 0;
  for (const p of c.posts) {
    newPostLike += p.likes.filter((l) => within(l.at)).length;
    newPostComment += p.comments.filter((m) => within(m.at)).length;
  }
  return {
    unreadChatsCount,
    unreadMessagesCount,
    unreadNotifications: {
      newFollower,
      newPostComment,
      newPostLike,
      newPurchase,
      newSubscriber,
      newTip,
      newPromotion: 0,
    },
  };
}
