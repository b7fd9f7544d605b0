import "server-only";
import { z } from "zod";
import { mapLimit } from "@/lib/utils/map-limit";
import type { FanvueClient } from "../client";
import { FanvueError } from "../errors";
import { parseResponse } from "../parse";
import { cursorOf, isoDate, nullable, openEnum } from "../schemas/common";
import { variantSchema, type VariantType } from "./media";

// Media exchanged with one fan (GET /chats/{fan}/media, cursor style, newest
// first), for the vault's "sent to this fan" view and the conversation's
// thumbnails. That list documents only `cursor`, `mediaType` and `limit`: no
// way to ask for variants, so its items may carry no URLs. The documented way
// to get them is per message: GET /chats/{fan}/messages/{m}/media with
// `mediaUuids` (≤ 20) and `variants`, comma-separated.

export const chatMediaSchema = z.looseObject({
  uuid: z.string(),
  messageUuid: nullable(z.string()),
  mediaType: nullable(openEnum(["image", "video", "audio", "document", "unknown"])),
  // Documented in snake_case on these routes.
  created_at: nullable(isoDate),
  sentAt: nullable(isoDate),
  ownerUuid: nullable(z.string()),
  name: nullable(z.string()),
  variants: z.array(variantSchema).default([]),
});
export type ChatMedia = z.infer<typeof chatMediaSchema>;

const chatMediaPage = cursorOf(chatMediaSchema);
const messageMediaSchema = z.looseObject({
  results: z.record(z.string(), chatMediaSchema.nullish()),
  errors: z.array(z.looseObject({ mediaUuid: z.string(), code: z.string() })).default([]),
});

/** The reference's limit per message lookup. */
const MAX_PER_MESSAGE = 20;
/** Message lookups in flight: a page resolves quickly without taking the
 * creator's whole rate bucket. */
const RESOLVE_CONCURRENCY = 4;

const chatPath = (fanUuid: string) => `/chats/${encodeURIComponent(fanUuid)}`;

export async function listChatMedia(
  client: FanvueClient,
  fanUuid: string,
  q: { cursor?: string; limit: number; mediaType?: string },
) {
  const res = await client.creator("GET", `${chatPath(fanUuid)}/media`, {
    query: { cursor: q.cursor, limit: q.limit, mediaType: q.mediaType },
  });
  return parseResponse(chatMediaPage, res.body, "/chats/{userUuid}/media");
}

/** Up to 20 of one message's media with the asked variants (signed URLs). */
export async function getMessageMedia(
  client: FanvueClient,
  fanUuid: string,
  messageUuid: string,
  mediaUuids: string[],
  variants: VariantType[],
) {
  const path = `${chatPath(fanUuid)}/messages/${encodeURIComponent(messageUuid)}/media`;
  const res = await client.creator("GET", path, {
    query: { mediaUuids: mediaUuids.join(","), variants: variants.join(",") },
  });
  return parseResponse(messageMediaSchema, res.body, "/chats/{userUuid}/messages/{messageUuid}/media");
}

/** Kinds after which a message's thumbnails are simply left out: this Fanvue
 * lacks or refuses the lookup, or the message is gone. The media list still
 * shows; only its pictures are missing. */
const SKIPPABLE = new Set<FanvueError["kind"]>(["not_found", "unsupported", "forbidden", "validation"]);

/** Fills in the variants of items that came without URLs, one lookup per
 * message (chunks of 20). Items whose lookup fails keep no variants. */
export async function withVariants(
  client: FanvueClient,
  fanUuid: string,
  items: ChatMedia[],
  variants: VariantType[],
): Promise<ChatMedia[]> {
  const hasUrls = (m: ChatMedia) => variants.every((t) => m.variants.some((v) => v.variantType === t && v.url));
  // Audio and documents have only their file ("main"): no call for a thumbnail they cannot have.
  const fileOnly = (m: ChatMedia) =>
    (m.mediaType === "audio" || m.mediaType === "document") && !variants.includes("main");
  const groups = new Map<string, string[]>();
  for (const m of items) {
    if (hasUrls(m) || fileOnly(m) || !m.messageUuid) continue;
    const g = groups.get(m.messageUuid) ?? [];
    if (!g.includes(m.uuid)) g.push(m.uuid);
    groups.set(m.messageUuid, g);
  }
  const calls = [...groups].flatMap(([msg, uuids]) =>
    Array.from(
      { length: Math.ceil(uuids.length / MAX_PER_MESSAGE) },
      (_, i) => [msg, uuids.slice(i * MAX_PER_MESSAGE, (i + 1) * MAX_PER_MESSAGE)] as const,
    ),
  );
  const found = new Map<string, ChatMedia>();
  await mapLimit(calls, RESOLVE_CONCURRENCY, async ([msg, uuids]) => {
    try {
      const res = await getMessageMedia(client, fanUuid, msg, uuids, variants);
      for (const [uuid, item] of Object.entries(res.results)) if (item) found.set(`${msg}:${uuid}`, item);
    } catch (err) {
      if (!(err instanceof FanvueError && SKIPPABLE.has(err.kind))) throw err;
      console.warn(`[media] thumbnails of message ${msg} unavailable: ${err.kind}`);
    }
  });
  return items.map((m) => {
    const got = m.messageUuid ? found.get(`${m.messageUuid}:${m.uuid}`) : undefined;
    return got ? { ...m, variants: got.variants } : m;
  });
}
