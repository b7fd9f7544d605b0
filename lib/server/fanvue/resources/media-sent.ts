import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { parseResponse } from "../parse";
import { cursorOf, isoDate, nullable, openEnum } from "../schemas/common";
import { variantSchema, type VariantType } from "./media";

// GET /chats/{fan}/media (contract §5.2): media exchanged with one fan, newest
// first, cursor style. Used by the vault's "sent to this fan" view.

export const chatMediaSchema = z.looseObject({
  uuid: z.string(),
  messageUuid: nullable(z.string()),
  mediaType: nullable(openEnum(["image", "video", "audio", "document", "unknown"])),
  // Documented in snake_case on this route.
  created_at: nullable(isoDate),
  sentAt: nullable(isoDate),
  ownerUuid: nullable(z.string()),
  name: nullable(z.string()),
  variants: z.array(variantSchema).default([]),
});
export type ChatMedia = z.infer<typeof chatMediaSchema>;

const chatMediaPage = cursorOf(chatMediaSchema);

export async function listChatMedia(client: FanvueClient, fanUuid: string, q: { cursor?: string; limit: number; mediaType?: string; variants?: VariantType[] }) {
  const res = await client.creator("GET", `/chats/${encodeURIComponent(fanUuid)}/media`, {
    query: { cursor: q.cursor, limit: q.limit, mediaType: q.mediaType, variants: q.variants?.join(",") },
  });
  return parseResponse(chatMediaPage, res.body, "/chats/{userUuid}/media");
}
