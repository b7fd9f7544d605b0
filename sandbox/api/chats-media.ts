// Media of one conversation (§5.2), as Fanvue's reference documents them:
// - GET /chats/{userUuid}/media: cursor style, newest first, metadata only
//   (`cursor`, `mediaType`, `limit`; no way to ask for variants, so items
//   carry no signed URLs). Items use the documented snake_case `created_at`.
// - GET /chats/{userUuid}/messages/{messageUuid}/media?mediaUuids=&variants=:
//   up to 20 of one message's media with signed variant URLs, each missing
//   one as `null` plus an error entry. This is how a client gets thumbnails.
import { HttpError, send, validation } from "../http";
import type { Sandbox } from "../state";
import type { CreatorWorld, Media, Message } from "../world/types";
import { cursored, cursorParams, enumParam, iso, uuidParam } from "./common";
import { conversationOr404, messagesOf, newestFirst } from "./chats-shared";
import { CHAT_READ, withDue } from "./chats-spec";
import { VARIANT_TYPES, variantsOf, type VariantType } from "./media-common";
import { isUuid, type Api } from "./registry";

const MEDIA_TYPES = ["image", "video", "audio", "document"] as const;
/** The reference's limit of media per message lookup. */
const MAX_MESSAGE_MEDIA = 20;

type Row = { media: Media | undefined; uuid: string; message: Message; ownerUuid: string };

/** The documented item without variants (list) or with the asked ones. */
function chatMediaItem(sb: Sandbox, r: Row, variants?: readonly VariantType[]) {
  const item: Record<string, unknown> = {
    uuid: r.uuid,
    messageUuid: r.message.uuid,
    mediaType: r.media?.mediaType ?? "unknown",
    created_at: iso(r.media?.createdAt ?? r.message.sentAt),
    sentAt: iso(r.message.sentAt),
    ownerUuid: r.ownerUuid,
    name: r.media?.name ?? null,
  };
  if (variants) {
    // Same signed URLs as the vault; the variant's own uuid is not part of
    // the chat shape.
    const built = r.media && r.media.status === "ready" ? variantsOf(sb, r.media, variants) : [];
    item.variants = built.map(({ uuid: _uuid, ...v }) => v);
  }
  return item;
}

function rowsOf(sb: Sandbox, c: CreatorWorld, fanUuid: string, messages: readonly Message[]): Row[] {
  const rows: Row[] = [];
  for (const message of messages) {
    for (const uuid of new Set(message.mediaUuids)) {
      rows.push({
        media: c.mediaIndex.get(uuid),
        uuid,
        message,
        ownerUuid: message.fromFan ? fanUuid : c.account.uuid,
      });
    }
  }
  return rows;
}

/** `mediaUuids=a,b` (required, ≤ 20 UUIDs) and `variants=main,thumbnail`. */
function lookupParams(query: URLSearchParams) {
  const split = (v: string | null) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const uuids = [...new Set(split(query.get("mediaUuids")))];
  if (uuids.length === 0) throw validation("mediaUuids must contain at least 1 UUID");
  if (uuids.length > MAX_MESSAGE_MEDIA) throw validation(`mediaUuids must contain at most ${MAX_MESSAGE_MEDIA} UUIDs`);
  if (!uuids.every(isUuid)) throw validation("mediaUuids must contain only valid UUIDs");
  const variants = split(query.get("variants"));
  const bad = variants.find((v) => !(VARIANT_TYPES as readonly string[]).includes(v));
  if (bad !== undefined) throw validation(`variants must contain only: ${VARIANT_TYPES.join(", ")}`);
  return { uuids, variants: VARIANT_TYPES.filter((t) => variants.includes(t)) };
}

export function registerChatMedia(api: Api, sb: Sandbox) {
  api.route(
    "GET",
    "/chats/:userUuid/media",
    CHAT_READ,
    withDue(sb, (ctx) => {
      const userUuid = uuidParam(ctx, "userUuid");
      const p = cursorParams(ctx, "limit");
      const mediaType = enumParam(ctx, "mediaType", MEDIA_TYPES);
      const c = ctx.creator;
      const chat = conversationOr404(c, userUuid);
      const rows = rowsOf(sb, c, c.fans[chat.fanIdx]!.uuid, newestFirst(messagesOf(sb, c, chat))).filter(
        (r) => !mediaType || r.media?.mediaType === mediaType,
      );
      send(
        ctx,
        200,
        cursored(rows, p, (r) => chatMediaItem(sb, r)),
      );
    }),
  );

  api.route(
    "GET",
    "/chats/:userUuid/messages/:messageUuid/media",
    CHAT_READ,
    withDue(sb, (ctx) => {
      const userUuid = uuidParam(ctx, "userUuid");
      const messageUuid = uuidParam(ctx, "messageUuid");
      const q = lookupParams(ctx.query);
      const c = ctx.creator;
      const chat = conversationOr404(c, userUuid);
      const message = messagesOf(sb, c, chat).find((m) => m.uuid === messageUuid);
      if (!message) throw new HttpError(404, { message: "Message not found" });
      const rows = new Map(rowsOf(sb, c, c.fans[chat.fanIdx]!.uuid, [message]).map((r) => [r.uuid, r]));
      const results: Record<string, unknown> = {};
      const errors: { mediaUuid: string; code: "NOT_IN_MESSAGE"; message: string }[] = [];
      for (const uuid of q.uuids) {
        const row = rows.get(uuid);
        results[uuid] = row ? chatMediaItem(sb, row, q.variants) : null;
        if (!row)
          errors.push({ mediaUuid: uuid, code: "NOT_IN_MESSAGE", message: "Media is not part of this message" });
      }
      send(ctx, 200, { results, errors });
    }),
  );
}
