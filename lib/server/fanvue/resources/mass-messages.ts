import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { parseResponse } from "../parse";
import { cents, isoDate, nullable, pageOf } from "../schemas/common";

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
  return parseResponse(z.looseObject({ id: z.string(), recipientCount: z.number().int().nullish(), createdAt: nullable(isoDate) }), res.body, "/chats/mass-messages");
}

const refsSchema = z.looseObject({ smartListUuids: z.array(z.string()).default([]), customListUuids: z.array(z.string()).default([]) });

export const massItemSchema = z.looseObject({
  uuid: z.string(),
  text: nullable(z.string()),
  mediaUuids: z.array(z.string()).nullish().transform((v) => v ?? []),
  price: nullable(cents),
  status: nullable(z.string()),
  createdAt: nullable(isoDate),
  scheduledAt: nullable(isoDate),
  sentAt: nullable(isoDate),
  includedLists: nullable(refsSchema),
  excludedLists: nullable(refsSchema),
  recipientCount: nullable(z.number().int()),
  viewsCount: nullable(z.number().int()),
  purchasesCount: nullable(z.number().int()),
  revenue: nullable(z.looseObject({ gross: cents, net: cents.nullish() })),
});
export type FanvueMassMessage = z.infer<typeof massItemSchema>;

export async function listMassMessages(client: FanvueClient, page: number, priority: Priority = "interactive") {
  const res = await client.creator("GET", "/chats/mass-messages", { priority, query: { page, size: 50 } });
  return parseResponse(pageOf(massItemSchema), res.body, "/chats/mass-messages");
}

/** Unsend (or cancel a scheduled one). Deleting twice is a no-op on Fanvue. */
export async function deleteMassMessage(client: FanvueClient, id: string) {
  await client.creator("DELETE", `/chats/mass-messages/${encodeURIComponent(id)}`, { idempotent: true });
}
