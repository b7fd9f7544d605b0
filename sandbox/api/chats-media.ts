// GET /chats/{userUuid}/media (§5.2): media exchanged in one conversation,
// cursor style, newest first. Items carry the documented snake_case
// `created_at`. Variants are only built when `variants=` is asked for (as on
// /media); their URLs come from a signer the media module installs with
// `setChatMediaUrlSigner`, so this module needs nothing from the content code.
// Until one is installed, `url` is null.
import { send, validation } from "../http";
import type { Sandbox } from "../state";
import type { CreatorWorld, Media } from "../world/types";
import { cursored, cursorParams, enumParam, iso, uuidParam } from "./common";
import { arrayQuery, conversationOr404, messagesOf, newestFirst } from "./chats-shared";
import { CHAT_READ, withDue } from "./chats-spec";
import type { Api } from "./registry";

const VARIANTS = ["main", "thumbnail", "thumbnail_gallery", "blurred"] as const;
export type VariantType = (typeof VARIANTS)[number];
const MEDIA_TYPES = ["image", "video", "audio", "document"] as const;

export type ChatMediaUrlSigner = (sb: Sandbox, creator: CreatorWorld, media: Media, variant: VariantType) => string | null;

const signers = new WeakMap<Sandbox, ChatMediaUrlSigner>();

/** Lets the media module provide signed, short-lived URLs for chat media. */
export function setChatMediaUrlSigner(sb: Sandbox, signer: ChatMediaUrlSigner) {
  signers.set(sb, signer);
}

/** Variant dimensions: main is the original, previews are scaled down. */
function variantOf(sb: Sandbox, c: CreatorWorld, m: Media, type: VariantType) {
  const scale = type === "main" ? 1 : type === "thumbnail" ? 320 / Math.max(1, m.width ?? 320) : type === "thumbnail_gallery" ? 640 / Math.max(1, m.width ?? 640) : 0.1;
  const dim = (v: number | null) => (v === null ? null : Math.max(1, Math.round(v * scale)));
  return {
    variantType: type,
    displayPosition: 0,
    url: signers.get(sb)?.(sb, c, m, type) ?? null,
    width: dim(m.width),
    height: dim(m.height),
    lengthMs: type === "main" ? m.lengthMs : null,
  };
}

export function registerChatMedia(api: Api, sb: Sandbox) {
  api.route("GET", "/chats/:userUuid/media", CHAT_READ, withDue(sb, (ctx) => {
    const userUuid = uuidParam(ctx, "userUuid");
    const p = cursorParams(ctx, "limit");
    const mediaType = enumParam(ctx, "mediaType", MEDIA_TYPES);
    const variants = arrayQuery(ctx.query, "variants");
    const badVariant = variants.find((v) => !(VARIANTS as readonly string[]).includes(v));
    if (badVariant !== undefined) throw validation(`variants must be one of: ${VARIANTS.join(", ")}`);
    const c = ctx.creator;
    const chat = conversationOr404(c, userUuid);
    const fan = c.fans[chat.fanIdx]!;
    const rows: { media: Media | undefined; uuid: string; messageUuid: string; sentAt: number; ownerUuid: string }[] = [];
    for (const m of newestFirst(messagesOf(sb, c, chat))) {
      for (const uuid of new Set(m.mediaUuids)) {
        const media = c.mediaIndex.get(uuid);
        if (mediaType && media?.mediaType !== mediaType) continue;
        rows.push({ media, uuid, messageUuid: m.uuid, sentAt: m.sentAt, ownerUuid: m.fromFan ? fan.uuid : c.account.uuid });
      }
    }
    send(ctx, 200, cursored(rows, p, (r) => ({
      uuid: r.uuid,
      messageUuid: r.messageUuid,
      mediaType: r.media?.mediaType ?? "unknown",
      created_at: iso(r.media?.createdAt ?? r.sentAt),
      sentAt: iso(r.sentAt),
      ownerUuid: r.ownerUuid,
      name: r.media?.name ?? null,
      variants: r.media ? [...new Set(variants as VariantType[])].map((v) => variantOf(sb, c, r.media!, v)) : [],
    })));
  }));
}
