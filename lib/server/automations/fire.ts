import "server-only";
import { randomInt } from "node:crypto";
import type { Automation, WebhookEvent } from "@/generated/prisma/client";
import type { TriggerParams } from "@/lib/schemas/automations";
import { db } from "@/lib/server/db";
import { eventDetails } from "@/lib/server/live/classify";
import { quietUntil } from "@/lib/utils/quiet-hours";
import { heldOut } from "./holdout";
import { automationRunJob, runJobKey } from "./jobs";

// Firing: a webhook event (stored first, so never lost) becomes one
// AutomationRun per matching automation and fan — unique per (automation,
// fan, event), so the receiver and the catch-up scheduler may both fire the
// same event and only one run exists. A run is decided here (paused, held
// out) or scheduled: the trigger time plus the random delay, moved past
// quiet hours, then checked again against the chat when due (run.ts).

/** Webhook events each trigger listens to. */
const EVENT_OF: Record<string, string> = {
  new_subscriber: "new-subscriber",
  new_follower: "new-follower",
  tip_above: "tip-received",
  first_purchase: "purchase-received",
};

export type Fired = { automation: Automation; fanUuid: string; handle: string | null; name: string | null };

export { EVENT_OF };

/** Whether the event satisfies the trigger's own condition (the price of a subscription, a tip's size, …). */
export async function matches(a: Automation, e: WebhookEvent, amount: number | null, fanUuid: string) {
  const p = a.triggerParams as TriggerParams;
  if (a.trigger === "new_subscriber") {
    if (p.subscriber === "paid") return (amount ?? 0) > 0;
    if (p.subscriber === "trial") return amount === 0;
    return true;
  }
  if (a.trigger === "tip_above") return amount !== null && amount >= (p.minCents ?? Number.POSITIVE_INFINITY);
  if (a.trigger === "first_purchase") {
    // A purchase before this one in the ledger means it is not the first.
    const earlier = await db.earningRow.count({
      where: {
        creatorId: a.creatorId,
        fanUuid,
        source: { in: ["message", "post"] },
        // This purchase's own row may already be synced, stamped a little before its event.
        occurredAt: { lt: new Date(e.signedAt.getTime() - 10 * 60_000) },
      },
    });
    return earlier === 0;
  }
  return true;
}

/** When a run fired at `at` is due: a random delay in the window, then past quiet hours. */
export function dueAfter(a: Automation, at: number) {
  const delay = a.delayMaxSec > a.delayMinSec ? randomInt(a.delayMinSec, a.delayMaxSec + 1) : a.delayMinSec;
  const due = at + delay * 1000;
  return quietUntil(due, a.timeZone, a.quietStartMin, a.quietEndMin) ?? due;
}

/** One run for this automation, fan and occurrence (none when it exists already), scheduled or decided. */
export async function createRun(f: Fired, occurrence: string, firedAt: number) {
  const a = f.automation;
  const paused = a.status !== "active";
  const out = !paused && heldOut(a.id, f.fanUuid, a.holdoutPercent);
  const status = paused ? "skipped" : out ? "held_out" : "pending";
  const reason = paused ? "The automation was paused." : out ? "Held out to measure what the automation adds." : null;
  const inserted = await db.automationRun.createManyAndReturn({
    data: [
      {
        automationId: a.id,
        creatorId: a.creatorId,
        fanUuid: f.fanUuid,
        fanHandle: f.handle,
        fanName: f.name,
        occurrence,
        status,
        reason,
        dueAt: new Date(status === "pending" ? dueAfter(a, firedAt) : firedAt),
      },
    ],
    skipDuplicates: true,
  });
  const run = inserted[0];
  if (run?.status === "pending")
    await automationRunJob.enqueue({ runId: run.id }, { key: runJobKey(run.id), runAt: run.dueAt });
  return run ?? null;
}

/** Fires every automation of these creators that listens to this event. */
export async function fireAutomations(e: WebhookEvent, creatorIds: string[]) {
  const triggers = Object.keys(EVENT_OF).filter((t) => EVENT_OF[t] === e.event);
  if (!triggers.length || !creatorIds.length) return 0;
  const info = eventDetails(e.payload as Record<string, unknown>);
  const fanUuid = info.fanUuid;
  if (!fanUuid) return 0;
  const automations = await db.automation.findMany({
    where: { creatorId: { in: creatorIds }, trigger: { in: triggers }, activeSince: { lte: e.receivedAt } },
  });
  let fired = 0;
  for (const a of automations) {
    if (!(await matches(a, e, info.amount, fanUuid))) continue;
    const run = await createRun(
      { automation: a, fanUuid, handle: info.fan?.handle ?? null, name: info.fan?.displayName ?? null },
      `event:${e.id}`,
      e.signedAt.getTime(),
    );
    if (run) fired++;
  }
  return fired;
}

/** Events of the last two hours again (a receiver that crashed after storing one): firing is idempotent. */
export async function catchUpEvents(now = Date.now()) {
  const events = await db.webhookEvent.findMany({
    where: {
      signedAt: { gte: new Date(now - 2 * 3_600_000) },
      event: { in: Object.values(EVENT_OF) },
      automationsAt: null,
    },
    orderBy: { signedAt: "asc" },
    take: 2000,
  });
  for (const e of events) {
    if (!e.recipientUuid) continue;
    const creators = await db.creator.findMany({
      where: { fanvueUuid: e.recipientUuid, removedAt: null },
      select: { id: true },
    });
    await fireAndMark(
      e,
      creators.map((c) => c.id),
    );
  }
}

/** Fires the event's automations and marks it done (the catch-up skips it from then on). */
export async function fireAndMark(e: WebhookEvent, creatorIds: string[]) {
  await fireAutomations(e, creatorIds);
  await db.webhookEvent.update({ where: { id: e.id }, data: { automationsAt: new Date() } });
}
