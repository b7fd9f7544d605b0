import "server-only";
import type { Automation } from "@/generated/prisma/client";
import type {
  AutomationInput,
  AutomationRunView,
  AutomationView,
  RunsPage,
  RunStatus,
  TriggerParams,
} from "@/lib/schemas/automations";
import { ApiError } from "@/lib/server/api/errors";
import type { CreatorRef } from "@/lib/server/creators/ref";
import { db } from "@/lib/server/db";

// Automations of a creator: create, edit, pause/resume, delete, and what
// they did (counts, revenue from the ledger, the log per fan).

type Stats = AutomationView["stats"];
const NO_STATS: Stats = {
  sent: 0,
  skipped: 0,
  failed: 0,
  pending: 0,
  heldOut: 0,
  revenue: 0,
  purchases: 0,
  holdout: null,
};
/** The hold-out comparison's window after each firing. */
const HOLDOUT_DAYS = 7;

type GroupRow = { automationId: string; status: string; fans: bigint; buyers: bigint; gross: bigint };

/** Per automation with held-out fans: sent vs held-out fans' spend with the creator in the days after firing. */
async function holdoutOf(ids: string[], into: (id: string) => Stats) {
  const rows = await db.$queryRaw<GroupRow[]>`
    SELECT r."automationId", r.status, count(DISTINCT r."fanUuid")::bigint AS fans,
           count(DISTINCT e."fanUuid")::bigint AS buyers, round(COALESCE(sum(e.gross), 0))::bigint AS gross
    FROM "AutomationRun" r
    LEFT JOIN "EarningRow" e ON e."creatorId" = r."creatorId" AND e."fanUuid" = r."fanUuid"
      AND e."occurredAt" >= r."createdAt" AND e."occurredAt" < r."createdAt" + make_interval(days => ${HOLDOUT_DAYS})
    WHERE r."automationId" = ANY(${ids}::text[]) AND r.status IN ('sent', 'held_out')
      AND EXISTS (SELECT 1 FROM "AutomationRun" h WHERE h."automationId" = r."automationId" AND h.status = 'held_out')
    GROUP BY 1, 2`;
  for (const r of rows) {
    const s = into(r.automationId);
    s.holdout ??= {
      days: HOLDOUT_DAYS,
      sent: { fans: 0, buyers: 0, gross: 0 },
      heldOut: { fans: 0, buyers: 0, gross: 0 },
    };
    s.holdout[r.status === "sent" ? "sent" : "heldOut"] = {
      fans: Number(r.fans),
      buyers: Number(r.buyers),
      gross: Number(r.gross),
    };
  }
}

/** Counts per status and the ledger's sales of the messages each automation sent (PPV unlocks, credited tips). */
async function statsOf(ids: string[]): Promise<Map<string, Stats>> {
  const out = new Map<string, Stats>();
  if (!ids.length) return out;
  const [counts, money] = await Promise.all([
    db.automationRun.groupBy({ by: ["automationId", "status"], where: { automationId: { in: ids } }, _count: true }),
    db.$queryRaw<{ automationId: string; n: bigint; gross: bigint }[]>`
      SELECT r."automationId", count(a.*)::bigint AS n, round(COALESCE(sum(a.gross), 0))::bigint AS gross
      FROM "AutomationRun" r
      JOIN "SaleAttribution" a ON a."sendId" = r."chatSendId"
      WHERE r."automationId" = ANY(${ids}::text[]) AND r."chatSendId" IS NOT NULL
      GROUP BY r."automationId"`,
  ]);
  const of = (id: string) => out.get(id) ?? out.set(id, { ...NO_STATS }).get(id)!;
  type Count = "sent" | "skipped" | "failed" | "pending" | "heldOut";
  const key: Partial<Record<string, Count>> = {
    sent: "sent",
    skipped: "skipped",
    failed: "failed",
    unknown: "failed",
    pending: "pending",
    sending: "pending",
    held_out: "heldOut",
  };
  for (const c of counts) {
    const k = key[c.status];
    if (k) of(c.automationId)[k] += c._count;
  }
  for (const m of money) Object.assign(of(m.automationId), { purchases: Number(m.n), revenue: Number(m.gross) });
  await holdoutOf(ids, of);
  return out;
}

function toView(a: Automation, stats: Stats | undefined): AutomationView {
  return {
    id: a.id,
    name: a.name,
    trigger: a.trigger as AutomationView["trigger"],
    triggerParams: a.triggerParams as TriggerParams,
    text: a.text,
    mediaUuids: a.mediaUuids,
    price: a.price,
    tag: a.tag,
    addToListUuid: a.addToListUuid,
    removeFromListUuid: a.removeFromListUuid,
    notifyTeam: a.notifyTeam,
    skipIfWrittenMinutes: a.skipIfWrittenMinutes,
    skipIfUnread: a.skipIfUnread,
    skipIfSentMedia: a.skipIfSentMedia,
    delayMinSec: a.delayMinSec,
    delayMaxSec: a.delayMaxSec,
    perFanDays: a.perFanDays,
    quietStartMin: a.quietStartMin,
    quietEndMin: a.quietEndMin,
    timeZone: a.timeZone,
    dailyCap: a.dailyCap,
    holdoutPercent: a.holdoutPercent,
    dryRun: a.dryRun,
    status: a.status === "paused" ? "paused" : "active",
    activeSince: a.activeSince.toISOString(),
    createdByName: a.createdByName,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    stats: stats ?? { ...NO_STATS },
  };
}

export async function listAutomations(ref: CreatorRef): Promise<{ automations: AutomationView[] }> {
  const rows = await db.automation.findMany({ where: { creatorId: ref.creator.id }, orderBy: { createdAt: "asc" } });
  const stats = await statsOf(rows.map((r) => r.id));
  return { automations: rows.map((r) => toView(r, stats.get(r.id))) };
}

async function own(ref: CreatorRef, id: string) {
  const a = await db.automation.findUnique({ where: { id } });
  if (!a || a.creatorId !== ref.creator.id) throw new ApiError("not_found", "No such automation for this creator.");
  return a;
}

export async function getAutomation(ref: CreatorRef, id: string): Promise<AutomationView> {
  const a = await own(ref, id);
  return toView(a, (await statsOf([a.id])).get(a.id));
}

const fields = (b: AutomationInput) => ({ ...b, text: b.text?.trim() ? b.text : null });

export async function createAutomation(ref: CreatorRef, user: { id: string; name: string }, b: AutomationInput) {
  const a = await db.automation.create({
    data: {
      ...fields(b),
      workspaceId: ref.workspace.id,
      creatorId: ref.creator.id,
      createdByUserId: user.id,
      createdByName: user.name,
    },
  });
  return toView(a, undefined);
}

export async function updateAutomation(ref: CreatorRef, id: string, b: AutomationInput) {
  await own(ref, id);
  const a = await db.automation.update({ where: { id }, data: fields(b) });
  return getAutomation(ref, a.id);
}

/** Pause keeps firing as "skipped: paused" in the log; resuming fires only for events from then on. */
export async function setAutomationStatus(ref: CreatorRef, id: string, status: "active" | "paused") {
  const a = await own(ref, id);
  if (a.status !== status)
    await db.automation.update({
      where: { id },
      data: { status, ...(status === "active" ? { activeSince: new Date() } : {}) },
    });
  return getAutomation(ref, id);
}

/** Deletes the automation; its runs stay in the log of the sends they made (pending ones are skipped). */
export async function deleteAutomation(ref: CreatorRef, id: string) {
  const a = await own(ref, id);
  await db.$transaction([
    db.automationRun.updateMany({
      where: { automationId: id, status: "pending" },
      data: { status: "skipped", reason: "The automation was deleted." },
    }),
    db.automation.delete({ where: { id } }),
  ]);
  return { id: a.id, name: a.name };
}

/** Who would receive it now (or would have in the last week, for an event trigger). */
export async function previewOf(ref: CreatorRef, id: string) {
  const { previewAutomation } = await import("./preview");
  return previewAutomation(ref, await own(ref, id));
}

/** The log: newest first, each fan and what became of the run. */
export async function listRuns(
  ref: CreatorRef,
  id: string,
  q: { status?: RunStatus; fan?: string },
  limit = 200,
): Promise<RunsPage> {
  await own(ref, id);
  const where = { automationId: id, ...(q.status ? { status: q.status } : {}), ...(q.fan ? { fanUuid: q.fan } : {}) };
  const [rows, total] = await Promise.all([
    db.automationRun.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
    db.automationRun.count({ where }),
  ]);
  const runs: AutomationRunView[] = rows.map((r) => ({
    id: r.id,
    fan: { uuid: r.fanUuid, handle: r.fanHandle, name: r.fanName },
    occurrence: r.occurrence,
    status: r.status as RunStatus,
    reason: r.reason,
    dueAt: r.dueAt.toISOString(),
    sentAt: r.status === "sent" ? (r.sentAt?.toISOString() ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { runs, total };
}
