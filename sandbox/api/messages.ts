// §5.3 Chat messages: list (marks read), single message, send, unsend. Sending
// through `/creators/{c}/…` records the caller (agency admin or team member)
// as `sentByUserId`, which chatter attribution depends on.
import { badRequest, HttpError, jsonBody, send, validation } from "../http";
import type { Sandbox } from "../state";
import { appendMessage, newMessage } from "../world/messaging";
import type { CreatorWorld, Template } from "../world/types";
import { optionalText, pageParams, paged, priceRule, uuidList, uuidParam } from "./common";
import {
  assertOwnReadyMedia,
  boolQuery,
  conversationOr404,
  markChatRead,
  messageItem,
  messagesOf,
  newestFirst,
  nextUuid,
  recomputeLastMessageAt,
} from "./chats-shared";
import { CHAT_READ, CHAT_WRITE, withDue } from "./chats-spec";
import { isUuid, type Api, type ApiCtx } from "./registry";

/** Largest attachment list we accept; Fanvue documents none. */
const MAX_MEDIA = 50;

export function registerMessages(api: Api, sb: Sandbox) {
  api.route(
    "GET",
    "/chats/:userUuid/messages",
    CHAT_READ,
    withDue(sb, (ctx) => {
      const userUuid = uuidParam(ctx, "userUuid");
      const p = pageParams(ctx);
      const markAsRead = boolQuery(ctx.query, "markAsRead", true);
      const c = ctx.creator;
      const chat = conversationOr404(c, userUuid);
      // The page shows the state before this read, so a client can still tell
      // which messages were new to it.
      const page = paged(newestFirst(messagesOf(sb, c, chat)), p, (m) => messageItem(c, chat, m));
      if (markAsRead) markChatRead(sb, c, chat);
      send(ctx, 200, page);
    }),
  );

  // Sending records an agency caller as sentByUserId (§6).
  api.route(
    "POST",
    "/chats/:userUuid/message",
    CHAT_WRITE,
    withDue(sb, (ctx) => sendMessage(sb, ctx)),
  );

  api.route(
    "DELETE",
    "/chats/:userUuid/messages/:messageUuid",
    { subject: "creator" },
    withDue(sb, (ctx) => {
      const userUuid = uuidParam(ctx, "userUuid");
      const messageUuid = uuidParam(ctx, "messageUuid");
      const c = ctx.creator;
      const chat = conversationOr404(c, userUuid);
      const messages = messagesOf(sb, c, chat);
      const at = messages.findIndex((x) => x.uuid === messageUuid);
      const m = messages[at];
      if (!m) throw new HttpError(404, { message: "Message not found" });
      if (m.fromFan) throw badRequest("Only the sender can delete a message");
      if (m.massMessageUuid !== null || m.type === "BROADCAST")
        throw badRequest("Mass message copies cannot be deleted individually; unsend the mass message instead");
      if (m.purchasedAt !== null) throw badRequest("Purchased messages cannot be deleted");
      messages.splice(at, 1);
      c.messageOwner.delete(m.uuid);
      recomputeLastMessageAt(chat);
      send(ctx, 204);
    }),
  );
}

function templateOf(c: CreatorWorld, value: unknown): Template | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || !isUuid(value)) throw validation("templateUuid must be a valid UUID");
  const t = c.templates.find((x) => x.uuid === value);
  if (!t) throw new HttpError(404, { message: "Template not found" });
  return t;
}

function sendMessage(sb: Sandbox, ctx: ApiCtx) {
  const userUuid = uuidParam(ctx, "userUuid");
  const body = jsonBody(ctx);
  const c = ctx.creator;
  const errors: string[] = [];
  const collect = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof HttpError && e.status === 400 && Array.isArray((e.body as { errors?: unknown }).errors)) {
        errors.push(...(e.body as { errors: string[] }).errors);
        return fallback;
      }
      throw e;
    }
  };
  const bodyText = collect(() => optionalText(body.text, "text"), null);
  const bodyMedia = collect(
    () => (body.mediaUuids === undefined ? undefined : uuidList(body.mediaUuids, "mediaUuids", MAX_MEDIA)),
    undefined,
  );
  if (
    body.price !== undefined &&
    body.price !== null &&
    (typeof body.price !== "number" || !Number.isInteger(body.price))
  ) {
    errors.push("price must be an integer number of cents");
  }
  if (errors.length) throw validation(...errors);
  // Template fields fill in whatever the body leaves out.
  const template = templateOf(c, body.templateUuid);
  const text = bodyText ?? template?.text ?? null;
  const mediaUuids = bodyMedia ?? template?.mediaUuids ?? [];
  const price =
    body.price !== undefined
      ? priceRule(body.price, mediaUuids.length > 0)
      : priceRule(template?.price ?? null, mediaUuids.length > 0);
  if (text === null && mediaUuids.length === 0) throw validation("message must have text or media");
  assertOwnReadyMedia(sb, c, mediaUuids);

  const chat = conversationOr404(c, userUuid);
  if (!c.relations[chat.fanIdx]!.contactable) throw badRequest("This user is not contactable");
  const m = newMessage(nextUuid(sb, "message"), {
    sentAt: sb.clock.now(),
    fromFan: false,
    text,
    mediaUuids: [...new Set(mediaUuids)],
    price,
    // The fan has not opened it yet.
    isRead: false,
    sentByUserId: ctx.viaAgency ? ctx.auth.userUuid : null,
  });
  appendMessage(sb.world.seed, c, chat.fanIdx, m);
  send(ctx, 201, { messageUuid: m.uuid });
}
