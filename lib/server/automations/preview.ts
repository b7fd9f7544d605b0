import "server-only";
import type { Automation } from "@/generated/prisma/client";
import { isScheduled, type AutomationPreview } from "@/lib/schemas/automations";
import type { CreatorRef } from "@/lib/server/creators/ref";
import { db } from "@/lib/server/db";
import { eventDetails } from "@/lib/server/live/classify";
import { EVENT_OF, matches } from "./fire";
import { candidates } from "./scan";

// "Who would receive this now": for a scheduled trigger, the fans its
// condition picks now and that have not had it for this occurrence; for an
// event trigger, the fans the last 7 days of events would have fired it for.
// The rules checked at send time (a live chat, caps) can still skip some.

const SAMPLE = 10;
const WEEK = 7 * 86_400_000;

/** When the data behind the condition was last refreshed: the ledger's sync, or the newest fan insight. */
async function freshness(a: Automation): Promise<Date | null> {
  if (a.trigger === "quiet_spender") {
    const s = await db.syncState.findFirst({ where: { creatorId: a.creatorId, stream: "earnings" } });
    return s?.lastSyncedAt ?? null;
  }
  const i = await db.fanInsight.aggregate({ where: { creatorId: a.creatorId }, _max: { fetchedAt: true } });
  return i._max.fetchedAt;
}

async function scheduledPreview(a: Automation): Promise<AutomationPreview> {
  const list = await candidates(a);
  const done = await db.automationRun.findMany({
    where: { automationId: a.id, fanUuid: { in: list.map((c) => c.fanUuid) } },
    select: { fanUuid: true, occurrence: true },
  });
  const seen = new Set(done.map((d) => `${d.fanUuid}|${d.occurrence}`));
  const open = list.filter((c) => !seen.has(`${c.fanUuid}|${c.occurrence}`));
  const asOf = await freshness(a);
  return {
    basis: "now",
    count: open.length,
    sample: open.slice(0, SAMPLE).map((c) => ({ uuid: c.fanUuid, handle: c.handle, name: c.name, why: c.why })),
    asOf: asOf?.toISOString() ?? null,
  };
}

async function eventPreview(a: Automation, ref: CreatorRef): Promise<AutomationPreview> {
  const events = await db.webhookEvent.findMany({
    where: {
      recipientUuid: ref.creator.fanvueUuid,
      event: EVENT_OF[a.trigger],
      signedAt: { gte: new Date(Date.now() - WEEK) },
    },
    orderBy: { signedAt: "desc" },
    take: 2000,
  });
  const fans = new Map<string, AutomationPreview["sample"][number]>();
  for (const e of events) {
    const info = eventDetails(e.payload as Record<string, unknown>);
    if (!info.fanUuid || fans.has(info.fanUuid) || !(await matches(a, e, info.amount, info.fanUuid))) continue;
    fans.set(info.fanUuid, {
      uuid: info.fanUuid,
      handle: info.fan?.handle ?? null,
      name: info.fan?.displayName ?? null,
      why: `${e.event.replace("-", " ")} ${e.signedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    });
  }
  return { basis: "last_7_days", count: fans.size, sample: [...fans.values()].slice(0, SAMPLE), asOf: null };
}

export async function previewAutomation(ref: CreatorRef, a: Automation): Promise<AutomationPreview> {
  return isScheduled(a.trigger) ? scheduledPreview(a) : eventPreview(a, ref);
}
