import "server-only";
import type { WebhookEvent } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";
import { eventDetails } from "@/lib/server/live/classify";
import { TTL_SEC, notifyUsers } from "./deliver";
import { pushEventJob } from "./jobs";
import { subscriberNotice, tipNotice, whaleNotice } from "./notices";
import { lifetimeSpend, recipientsFor } from "./recipients";

// Fanvue's events that can notify: a tip, a new subscriber, and a fan's
// message (only from a big spender, by each member's own threshold).

const PUSH_EVENTS = new Set(["tip-received", "new-subscriber", "message-received"]);

/** Called by the webhook receiver once the event is stored: queues its notifications (nobody with a
 * device on this server: nothing to queue). Never waits on a push service. */
export async function queuePushForEvent(e: WebhookEvent) {
  if (!PUSH_EVENTS.has(e.event) || !e.recipientUuid) return;
  if (!(await db.pushSubscription.findFirst({ select: { id: true } }))) return;
  await pushEventJob.enqueue({ eventId: e.id }, { key: `push-event:${e.id}` });
}

/** The push-event job: each creator the event is for (one per workspace), its members who want it. */
export async function notifyForEvent(eventId: string): Promise<number> {
  const e = await db.webhookEvent.findUnique({ where: { id: eventId } });
  if (!e?.recipientUuid) return 0;
  const d = eventDetails(e.payload as Record<string, unknown>);
  const sender: Fan | null = d.fan ?? (d.fanUuid ? { uuid: d.fanUuid, handle: null, displayName: null } : null);
  if (!sender) return 0;
  const creators = await db.creator.findMany({
    where: { fanvueUuid: e.recipientUuid, removedAt: null },
    select: { id: true, displayName: true },
  });
  let queued = 0;
  for (const c of creators) {
    const creator = { id: c.id, name: c.displayName };
    const fan = sender.handle ? sender : await withRosterName(c.id, sender);
    const key = [`event:${e.seq}`];
    if (e.event === "tip-received") {
      const users = await recipientsFor(c.id, "tip", { amountCents: d.amount });
      queued += await notifyUsers(users, key, tipNotice(creator, fan, d.amount, e.seq), TTL_SEC.money);
    } else if (e.event === "new-subscriber") {
      const users = await recipientsFor(c.id, "new_subscriber");
      queued += await notifyUsers(users, key, subscriberNotice(creator, fan), TTL_SEC.money);
    } else if (e.event === "message-received") {
      queued += await notifyWhaleMessage(e, creator, fan, d.text);
    }
  }
  return queued;
}

type Fan = { uuid: string; handle: string | null; displayName: string | null };

/** The fan's handle from the roster when the event did not carry it. */
async function withRosterName(creatorId: string, fan: Fan): Promise<Fan> {
  const row = await db.audienceFan.findUnique({
    where: { creatorId_fanUuid: { creatorId, fanUuid: fan.uuid } },
    select: { handle: true, displayName: true },
  });
  return row ? { uuid: fan.uuid, handle: row.handle, displayName: row.displayName ?? fan.displayName } : fan;
}

async function notifyWhaleMessage(
  e: WebhookEvent,
  creator: { id: string; name: string },
  fan: Fan,
  text: string | null,
) {
  const lifetimeCents = await lifetimeSpend(creator.id, fan.uuid);
  if (lifetimeCents === null) return 0;
  const users = await recipientsFor(creator.id, "whale_message", { lifetimeCents });
  return notifyUsers(users, [`event:${e.seq}`], whaleNotice(creator, fan, lifetimeCents, text), TTL_SEC.money);
}
