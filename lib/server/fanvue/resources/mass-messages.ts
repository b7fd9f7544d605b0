import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { parseResponse } from "../parse";
import { cents, isoDate, nullable, openEnum, pageOf } from "../schemas/common";

// Mass messages (contract §5.4): send (now or scheduled), list, unsend.

export type ListRefs = { smartListUuids: string[]; customListUuids: string[] };

export type MassPayload = {
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  includedLists: ListRefs;
  excludedLists: ListRefs;
  scheduledAt: string | null;
};

/** Never retried on an unclear outcome: the worker reconciles against the
 * list instead (lib/server/mass/send-job.ts). */
export async function createMassMessage(client: FanvueClient, p: MassPayload, priority: Priority = "background") {
  const body: Record<string, unknown> = { includedLists: p.includedLists, excludedLists: p.excludedLists };
  if (p.text !== null) body.text = p.text;
  if (p.mediaUuids.length) body.mediaUuids = p.mediaUuids;
  if (p.price !== null) body.price = p.price;
  if (p.scheduledAt !== null) body.scheduledAt = p.scheduledAt;
  const res = await client.creator("POST", "/chats/mass-messages", { body, idempotent: false, priority });
  return parseResponse(
    z.looseObject({ id: z.string(), recipientCount: z.number().nullish(), createdAt: nullable(isoDate) }),
    res.body,
    "/chats/mass-messages",
  );
}

/** Every status the reference lists; an unknown one is kept as a string. */
export const MASS_STATUSES = ["SENT", "UNSENT", "SENDING", "FAILED", "MODERATED", "SCHEDULED"] as const;

// The reference's list item. It names no audience lists and no sender:
// those are known only for mass messages sent through Vuedeck (our records).
export const massItemSchema = z.looseObject({
  uuid: z.string(),
  text: nullable(z.string()),
  mediaUuids: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  price: nullable(cents),
  status: nullable(openEnum(MASS_STATUSES)),
  createdAt: nullable(isoDate),
  scheduledAt: nullable(isoDate),
  publishedAt: nullable(isoDate),
  recipientCount: nullable(z.number()),
  viewCount: nullable(z.number()),
  purchaseCount: nullable(z.number()),
  totalRevenue: nullable(cents),
});
export type FanvueMassMessage = z.infer<typeof massItemSchema>;

/** Unsent ones included: a message unsent after it went out stays in the
 * history as "Unsent", and a send being reconciled may already be unsent. */
export async function listMassMessages(client: FanvueClient, page: number, priority: Priority = "interactive") {
  const res = await client.creator("GET", "/chats/mass-messages", {
    priority,
    query: { page, size: 50, includeDeleted: "true" },
  });
  return parseResponse(pageOf(massItemSchema), res.body, "/chats/mass-messages");
}

/** Unsend (or cancel a scheduled one). Deleting twice is a no-op on Fanvue. */
export async function deleteMassMessage(client: FanvueClient, id: string) {
  await client.creator("DELETE", `/chats/mass-messages/${encodeURIComponent(id)}`, { idempotent: true });
}
