import "server-only";
import type { WebhookEvent } from "@/generated/prisma/client";
import { eventDetails } from "@/lib/server/live/classify";
import { db } from "@/lib/server/db";
import { recordFanMessage, recordRead } from "./store";

// Webhook events applied to the agency chat mirror at once, so an agency
// inbox shows a new message or a read chat without waiting for the next sync.

export async function applyToMirror(e: WebhookEvent) {
  if (!e.recipientUuid || !e.fanUuid) return;
  if (e.event !== "message-received" && e.event !== "message-read") return;
  const creators = await db.creator.findMany({
    where: { fanvueUuid: e.recipientUuid, removedAt: null, workspace: { kind: "agency" } },
    select: { id: true },
  });
  const ids = creators.map((c) => c.id);
  if (ids.length === 0) return;
  if (e.event === "message-read") return recordRead(ids, e.fanUuid);
  const d = eventDetails(e.payload as Record<string, unknown>);
  if (!d.message) return;
  await recordFanMessage(
    ids,
    {
      uuid: e.fanUuid,
      handle: d.fan?.handle ?? null,
      displayName: d.fan?.displayName ?? null,
      avatarUrl: d.fan?.avatarUrl ?? null,
    },
    {
      uuid: d.message.uuid,
      text: d.message.text,
      hasMedia: d.message.mediaUuids.length > 0,
      sentAt: d.message.createdAt ?? e.signedAt.toISOString(),
    },
  );
}
