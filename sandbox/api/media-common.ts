// Media item shape (§5.9), variants with signed URLs, and which media a fan
// has bought. Shared by the media, vault and upload modules; chat media can
// reuse `mediaItem` for the same shape.
import { validation, type Ctx } from "../http";
import type { Sandbox } from "../state";
import { materialize } from "../world/messaging";
import { hashToInt } from "../world/random";
import type { CreatorWorld, Media, MediaStatus, MediaType, MediaUsage, Message } from "../world/types";
import { iso, listParam } from "./common";
import { signUrl } from "./content-common";
import { isUuid } from "./registry";

export const MEDIA_TYPES: readonly MediaType[] = ["image", "video", "audio", "document"];
export const MEDIA_STATUSES: readonly MediaStatus[] = ["created", "processing", "ready", "error"];
export const MEDIA_USAGES: readonly MediaUsage[] = ["subscribers", "followers", "ppv", "mass_messages"];
export const VARIANT_TYPES = ["main", "thumbnail", "thumbnail_gallery", "blurred"] as const;
export type VariantType = (typeof VARIANT_TYPES)[number];

/** Width of the thumbnail and edge of the square gallery thumbnail. */
export const THUMB_PX = 320;
/** Blurred previews are a tenth of the original, as in the contract example. */
const BLUR_SCALE = 10;

/** Pictures get every variant; audio and documents only their file. */
export function variantTypesOf(m: Media): readonly VariantType[] {
  return m.mediaType === "image" || m.mediaType === "video" ? VARIANT_TYPES : ["main"];
}

export type VariantSpec = {
  type: VariantType;
  width: number | null;
  height: number | null;
  lengthMs: number | null;
  ext: string;
};

export function variantSpec(m: Media, type: VariantType): VariantSpec {
  const w = m.width ?? 1080;
  const h = m.height ?? 1350;
  if (type === "main") {
    const ext =
      m.mediaType === "image" ? "svg" : m.mediaType === "video" ? "mp4" : m.mediaType === "audio" ? "wav" : "pdf";
    const sized = m.mediaType === "image" || m.mediaType === "video";
    return { type, width: sized ? w : null, height: sized ? h : null, lengthMs: m.lengthMs, ext };
  }
  if (type === "thumbnail")
    return { type, width: THUMB_PX, height: Math.round((THUMB_PX * h) / w), lengthMs: null, ext: "svg" };
  if (type === "thumbnail_gallery") return { type, width: THUMB_PX, height: THUMB_PX, lengthMs: null, ext: "svg" };
  return {
    type,
    width: Math.max(1, Math.round(w / BLUR_SCALE)),
    height: Math.max(1, Math.round(h / BLUR_SCALE)),
    lengthMs: null,
    ext: "svg",
  };
}

export const variantPath = (m: Media, spec: VariantSpec) => `/__media/${m.uuid}/${spec.type}.${spec.ext}`;

/** `variants=main,thumbnail` and `variants=main&variants=thumbnail` (§2.2). */
export function variantsParam(ctx: Ctx): VariantType[] {
  const asked = listParam(ctx, "variants");
  for (const v of asked) {
    if (!(VARIANT_TYPES as readonly string[]).includes(v))
      throw validation(`variants must contain only: ${VARIANT_TYPES.join(", ")}`);
  }
  return VARIANT_TYPES.filter((t) => asked.includes(t));
}

export function variantsOf(sb: Sandbox, m: Media, asked: readonly VariantType[]) {
  const available = variantTypesOf(m);
  return asked
    .filter((t) => available.includes(t))
    .map((t) => {
      const spec = variantSpec(m, t);
      return {
        // Stable per media and type, like a stored variant row.
        uuid: variantUuid(m, t),
        variantType: t,
        displayPosition: 0,
        url: signUrl(sb, variantPath(m, spec), sb.config.mediaUrlTtlSec),
        width: spec.width,
        height: spec.height,
        lengthMs: spec.lengthMs,
      };
    });
}

function variantUuid(m: Media, t: VariantType) {
  const h = (n: number) => (hashToInt(`${m.uuid}:${t}:${n}`) >>> 0).toString(16).padStart(8, "0");
  const a = h(1) + h(2) + h(3) + h(4);
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-a${a.slice(17, 20)}-${a.slice(20, 32)}`;
}

/** Not-ready items show only `{uuid, status}` (§5.9). */
export function mediaItem(sb: Sandbox, m: Media, variants: readonly VariantType[], purchased?: Set<string>) {
  const status = m.status;
  if (status !== "ready") return { uuid: m.uuid, status };
  const item: Record<string, unknown> = {
    uuid: m.uuid,
    status,
    createdAt: iso(m.createdAt),
    caption: m.caption,
    description: m.description,
    name: m.name,
    mediaType: m.mediaType,
    recommendedPrice: m.recommendedPrice,
    variants: variantsOf(sb, m, variants),
  };
  if (purchased) item.purchasedByFan = purchased.has(m.uuid);
  return item;
}

/** Newest first; among equal times the later-added item first. */
export const newestMedia = (c: CreatorWorld) => [...c.media].reverse().sort((a, b) => b.createdAt - a.createdAt);

/** `purchasedBy=<fan uuid>`: the set of media that fan has paid for, or
 * undefined when not asked. A user outside the audience bought nothing. */
export function purchasedParam(sb: Sandbox, ctx: Ctx, c: CreatorWorld): Set<string> | undefined {
  const raw = ctx.query.get("purchasedBy");
  if (raw === null || raw === "") return undefined;
  if (!isUuid(raw)) throw validation("purchasedBy must be a valid UUID");
  const fanIdx = c.fanIndex.get(raw);
  return fanIdx === undefined ? new Set() : purchasedMedia(sb, c, fanIdx);
}

/** Media unlocked by the fan's PPV post and message purchases (the ledger is
 * the record of payment; message rows point at a message or a broadcast). */
export function purchasedMedia(sb: Sandbox, c: CreatorWorld, fanIdx: number): Set<string> {
  const out = new Set<string>();
  const add = (uuids: readonly string[]) => uuids.forEach((u) => out.add(u));
  const broadcasts = new Map(c.massMessages.map((mm) => [mm.uuid, mm]));
  let messages: Message[] | null = null;
  for (const i of c.ledger.rowsOfFan(fanIdx)) {
    const row = c.ledger.row(i);
    if (!row.ref) continue;
    if (row.source === "post") {
      add(c.postIndex.get(row.ref)?.mediaUuids ?? []);
    } else if (row.source === "message") {
      const mm = broadcasts.get(row.ref);
      if (mm) {
        add(mm.mediaUuids);
        continue;
      }
      if (!messages) {
        const chat = c.chats.get(fanIdx);
        messages = chat ? materialize(sb.world.seed, c, chat) : [];
      }
      add(messages.find((m) => m.uuid === row.ref)?.mediaUuids ?? []);
    }
  }
  return out;
}

/** Finds a media item of any creator (signed URLs carry no creator). */
export function findMedia(sb: Sandbox, uuid: string): { creator: CreatorWorld; media: Media } | undefined {
  for (const creator of sb.world.creators.values()) {
    const media = creator.mediaIndex.get(uuid);
    if (media) return { creator, media };
  }
  return undefined;
}

/** Dimensions and length a processed file would report, derived from its
 * uuid and size so the same upload always processes the same way. */
export function settleDimensions(m: Media) {
  const h = hashToInt(m.uuid);
  const portrait = h % 10 < 7;
  if (m.mediaType === "image" || m.mediaType === "video") {
    m.width ??= portrait ? 1080 : 1920;
    m.height ??= portrait ? (m.mediaType === "image" ? 1350 : 1920) : 1080;
  }
  // Rough bitrates: ~2 Mbit/s video, 128 kbit/s audio.
  if (m.mediaType === "video") m.lengthMs ??= Math.max(1000, Math.round((m.sizeBytes / 250_000) * 1000));
  if (m.mediaType === "audio") m.lengthMs ??= Math.max(1000, Math.round((m.sizeBytes / 16_000) * 1000));
}
