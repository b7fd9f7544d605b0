import "server-only";
import type { Automation } from "@/generated/prisma/client";
import {
  isScheduled,
  QUIET_FACTOR,
  QUIET_MIN_PURCHASE_DAYS,
  SCHEDULED_TRIGGERS,
  type TriggerParams,
} from "@/lib/schemas/automations";
import { db } from "@/lib/server/db";
import { createRun } from "./fire";

// Scheduled triggers: conditions checked every few minutes against what
// Vuedeck keeps — fan insights (a subscription's end and auto-renew, from
// Fanvue's batch insights) and the ledger (each fan's purchases). A fan
// fires once per occurrence (this subscription's end, this quiet spell), so
// scanning again never repeats a send.

const DAY = 86_400_000;
/** How often an automation's condition is checked: a waiting fan every minute, the rest every 10. */
export const scanEveryMs = (trigger: string) => (trigger === "unanswered" ? 60_000 : 10 * 60_000);

export type Candidate = {
  fanUuid: string;
  handle: string | null;
  name: string | null;
  occurrence: string;
  why: string;
};

const ymd = (d: Date) => d.toISOString().slice(0, 10);

async function namesOf(creatorId: string, uuids: string[]) {
  const rows = await db.audienceFan.findMany({
    where: { creatorId, fanUuid: { in: uuids } },
    select: { fanUuid: true, handle: true, displayName: true },
  });
  return new Map(rows.map((r) => [r.fanUuid, r]));
}

/** Subscribers whose subscription ends within `days`, auto-renew off. */
async function endingSoon(a: Automation, p: TriggerParams, now: number): Promise<Candidate[]> {
  const rows = await db.fanInsight.findMany({
    where: {
      creatorId: a.creatorId,
      state: "ok",
      status: "subscriber",
      autoRenew: false,
      renewsAt: { gt: new Date(now), lte: new Date(now + (p.days ?? 3) * DAY) },
    },
    select: { fanUuid: true, renewsAt: true },
  });
  return rows.map((r) => ({
    fanUuid: r.fanUuid,
    handle: null,
    name: null,
    occurrence: `ends:${ymd(r.renewsAt!)}`,
    why: `Subscription ends ${ymd(r.renewsAt!)}, auto-renew off`,
  }));
}

/** Fans whose subscription ended `days` ago (up to a week more, so a new automation does not reach back years). */
async function expiredAgo(a: Automation, p: TriggerParams, now: number): Promise<Candidate[]> {
  const days = p.days ?? 7;
  const rows = await db.fanInsight.findMany({
    where: {
      creatorId: a.creatorId,
      state: "ok",
      status: "expired",
      expiredAt: { lte: new Date(now - days * DAY), gt: new Date(now - (days + 7) * DAY) },
    },
    select: { fanUuid: true, expiredAt: true, expiredAtEstimated: true },
  });
  return rows.map((r) => ({
    fanUuid: r.fanUuid,
    handle: null,
    name: null,
    occurrence: `expired:${ymd(r.expiredAt!)}`,
    why: `Subscription ended ${ymd(r.expiredAt!)}${r.expiredAtEstimated ? " (estimated)" : ""}`,
  }));
}

/** Fans whose own message has waited at least `minutes` for an answer (ChatWaiting: conversations
 * Vuedeck read and message-received webhooks; re-checked against the chat when the run is due). */
async function waiting(a: Automation, p: TriggerParams, now: number): Promise<Candidate[]> {
  const minutes = p.minutes ?? 15;
  const rows = await db.chatWaiting.findMany({
    where: { creatorId: a.creatorId, since: { lte: new Date(now - minutes * 60_000), gt: new Date(now - 7 * DAY) } },
    select: { fanUuid: true, since: true },
  });
  return rows.map((r) => ({
    fanUuid: r.fanUuid,
    handle: null,
    name: null,
    occurrence: `waiting:${r.since!.toISOString()}`,
    why: `Waiting since ${r.since!.toISOString().slice(0, 16).replace("T", " ")} UTC`,
  }));
}

type QuietRow = { fanUuid: string; last: Date; usualDays: number; days: bigint; total: string };

/**
 * Big spenders quiet for longer than their own rhythm: from the ledger, each
 * fan's days with a purchase (tips, PPVs, posts; not the subscription itself),
 * the median gap between them, and the time since the last one. A fan who
 * buys every 3 days is quiet after 6; one who buys every 20 days is not.
 */
export async function quietSpenders(creatorId: string, minCents: number, now: number): Promise<Candidate[]> {
  const rows = await db.$queryRaw<QuietRow[]>`
    WITH p AS (
      SELECT e."fanUuid", e."occurredAt"::date AS d, max(e."occurredAt") AS at
      FROM "EarningRow" e
      WHERE e."creatorId" = ${creatorId} AND e."fanUuid" IS NOT NULL AND e.source IN ('tip', 'message', 'post')
      GROUP BY 1, 2
    ),
    g AS (SELECT "fanUuid", d, at, d - lag(d) OVER (PARTITION BY "fanUuid" ORDER BY d) AS gap FROM p),
    totals AS (
      SELECT e."fanUuid", sum(e.gross) AS total
      FROM "EarningRow" e
      WHERE e."creatorId" = ${creatorId} AND e."fanUuid" IS NOT NULL
      GROUP BY 1
    )
    SELECT g."fanUuid", max(g.at) AS last, percentile_cont(0.5) WITHIN GROUP (ORDER BY g.gap)::float8 AS "usualDays",
           count(*)::bigint AS days, max(t.total)::text AS total
    FROM g JOIN totals t ON t."fanUuid" = g."fanUuid"
    GROUP BY g."fanUuid"
    HAVING count(*) >= ${QUIET_MIN_PURCHASE_DAYS} AND max(t.total) >= ${minCents}`;
  return rows
    .filter((r) => now - r.last.getTime() >= QUIET_FACTOR * r.usualDays * DAY)
    .map((r) => ({
      fanUuid: r.fanUuid,
      handle: null,
      name: null,
      occurrence: `quiet:${r.last.toISOString()}`,
      why: `Usually buys every ${Math.round(r.usualDays * 10) / 10} days; quiet for ${Math.floor((now - r.last.getTime()) / DAY)}`,
    }));
}

/** Who the scheduled trigger picks now, with names from the roster. */
export async function candidates(a: Automation, now = Date.now()): Promise<Candidate[]> {
  const p = a.triggerParams as TriggerParams;
  const list =
    a.trigger === "renewal_off"
      ? await endingSoon(a, p, now)
      : a.trigger === "expired"
        ? await expiredAgo(a, p, now)
        : a.trigger === "quiet_spender"
          ? await quietSpenders(a.creatorId, p.minCents ?? 10_000, now)
          : a.trigger === "unanswered"
            ? await waiting(a, p, now)
            : [];
  const names = await namesOf(
    a.creatorId,
    list.map((c) => c.fanUuid),
  );
  return list.map((c) => ({
    ...c,
    handle: names.get(c.fanUuid)?.handle ?? null,
    name: names.get(c.fanUuid)?.displayName ?? null,
  }));
}

/** Fires a scheduled automation for every fan its condition picks now (once per occurrence). */
export async function scanAutomation(a: Automation, now = Date.now()) {
  if (!isScheduled(a.trigger) || a.status !== "active") return 0;
  let fired = 0;
  for (const c of await candidates(a, now)) {
    const run = await createRun(
      { automation: a, fanUuid: c.fanUuid, handle: c.handle, name: c.name },
      c.occurrence,
      now,
    );
    if (run) fired++;
  }
  await db.automation.update({ where: { id: a.id }, data: { scannedAt: new Date(now) } });
  return fired;
}

/** The scheduler's tick: every active scheduled automation due a check. */
export async function scanDue(now = Date.now()) {
  const active = await db.automation.findMany({
    where: {
      status: "active",
      trigger: { in: [...SCHEDULED_TRIGGERS] },
      OR: [{ scannedAt: null }, { scannedAt: { lt: new Date(now - scanEveryMs("unanswered")) } }],
    },
  });
  const due = active.filter((a) => !a.scannedAt || a.scannedAt.getTime() <= now - scanEveryMs(a.trigger));
  for (const a of due) await scanAutomation(a, now);
}
