import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// FanLedgerSummary and the views read from it, each equal to what this test
// computes itself from the raw ledger rows:
// - the summary of every fan (first payment, first subscription, renewals,
//   cumulative net at each checkpoint, subscription months), after the sync's
//   inserts and after inserts, updates and deletes of single rows, rows at
//   UTC month edges included;
// - cohort value by first-payment month, in a zone west and one east of UTC;
// - cohort value by tracking link (the fans Fanvue says each link brought in);
// - retention with fans paying within hours of a month's edge.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { Prisma } = await import("@/generated/prisma/client");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { syncTrackingLinks } = await import("@/lib/server/tracking-links/sync");
const { getCohortValue, cohortValueLines } = await import("@/lib/server/growth/cohort-value");
const { getRetention } = await import("@/lib/server/growth/retention");
const { cohortValueQuerySchema, retentionQuerySchema, CHECKPOINT_DAYS } = await import("@/lib/schemas/growth");

const DAY = 86_400_000;
type Dec = InstanceType<typeof Prisma.Decimal>;
type Fan = { firstPaid: number; firstSub: number | null; renewals: number; value: Dec[]; subMonths: Set<number> };

let creatorId: string;
beforeAll(async () => {
  const p = await provisionAccount(sb, "luna");
  creatorId = p.creators.luna!.id;
  await syncStream(creatorId, "earnings");
  await syncTrackingLinks(creatorId);
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const utcMonth = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();
const localMonth = (ms: number, tz: string) => {
  const d = new TZDate(ms, tz);
  return d.getFullYear() * 12 + d.getMonth();
};

/** Every paying fan of the creator, from the raw rows. */
async function rawFans() {
  const rows = await db.earningRow.findMany({
    where: { creatorId, fanUuid: { not: null } },
    orderBy: { occurredAt: "asc" },
  });
  const out = new Map<string, Fan & { subAts: number[] }>();
  for (const r of rows.filter((x) => x.gross.gt(0))) {
    const at = r.occurredAt.getTime();
    const f = out.get(r.fanUuid!) ?? {
      firstPaid: at,
      firstSub: null,
      renewals: 0,
      value: [],
      subMonths: new Set(),
      subAts: [],
    };
    const sub = r.source === "subscription" || r.source === "renewal";
    if (sub) {
      f.firstSub ??= at;
      f.subMonths.add(utcMonth(at));
      f.subAts.push(at);
    }
    if (r.source === "renewal") f.renewals++;
    out.set(r.fanUuid!, f);
  }
  for (const [fan, f] of out)
    f.value = CHECKPOINT_DAYS.map((d) =>
      rows
        .filter(
          (r) =>
            r.fanUuid === fan &&
            r.occurredAt.getTime() >= f.firstPaid &&
            r.occurredAt.getTime() < f.firstPaid + d * DAY,
        )
        .reduce((s, r) => s.add(r.net), new Prisma.Decimal(0)),
    );
  return out;
}

async function expectSummaryEqualsLedger() {
  const want = await rawFans();
  const got = await db.fanLedgerSummary.findMany({ where: { creatorId } });
  expect(got.map((g) => g.fanUuid).sort()).toEqual([...want.keys()].sort());
  for (const g of got) {
    const w = want.get(g.fanUuid)!;
    expect([g.firstPaidAt.getTime(), g.firstSubAt?.getTime() ?? null, g.renewals], g.fanUuid).toEqual([
      w.firstPaid,
      w.firstSub,
      w.renewals,
    ]);
    expect(
      g.value.map((v) => v.toFixed(4)),
      g.fanUuid,
    ).toEqual(w.value.map((v) => v.toFixed(4)));
    // Months away from the edges, plus the UTC months of the edge payments: every subscription month.
    const months = new Set([...g.subMonths, ...g.subEdges.map((e) => utcMonth(e.getTime()))]);
    expect([...months].sort(), g.fanUuid).toEqual([...w.subMonths].sort());
    if (g.subMask !== null) {
      expect(g.subEdges).toEqual([]);
      const fromMask = g.subMonths.filter((m) => (g.subMask! >> BigInt(m - g.subFirst!)) & 1n);
      expect(fromMask).toEqual(g.subMonths);
    }
  }
  // The hourly rollup is the summary grouped by the hour of the first payment.
  const hours = new Map<string, string>();
  for (const g of got) {
    const h = new Date(Math.floor(g.firstPaidAt.getTime() / 3_600_000) * 3_600_000).toISOString();
    const [fans, subscribed, renewed, ...v] = (hours.get(h) ?? `0|0|0|${CHECKPOINT_DAYS.map(() => 0).join("|")}`)
      .split("|")
      .map((x) => new Prisma.Decimal(x));
    const next = [fans!.add(1), subscribed!.add(g.firstSubAt ? 1 : 0), renewed!.add(g.renewals > 0 ? 1 : 0)];
    hours.set(h, [...next, ...v.map((x, i) => x.add(g.value[i]!))].map((x) => x.toFixed(4)).join("|"));
  }
  const rollup = await db.fanCohortHour.findMany({ where: { creatorId, fans: { not: 0 } } });
  const days = CHECKPOINT_DAYS.map((d) => `v${d}` as const);
  expect(
    new Map(
      rollup.map((r) => [
        r.hour.toISOString(),
        [r.fans, r.subscribed, r.renewed]
          .map((x) => x.toFixed(4))
          .concat(days.map((d) => r[d].toFixed(4)))
          .join("|"),
      ]),
    ),
  ).toEqual(hours);
  return want;
}

describe("FanLedgerSummary", () => {
  it("equals the ledger after the sync, and after single-row inserts, updates and deletes", async () => {
    const want = await expectSummaryEqualsLedger();
    expect(want.size).toBeGreaterThan(10);
    // Two fans of our own: one paying on the last evening of a month (UTC), one whose rows change.
    const base = { creatorId, currency: "USD", net: new Prisma.Decimal("7.9920") };
    await db.earningRow.createMany({
      data: [
        {
          ...base,
          dedupeKey: "t:e1",
          fanUuid: "fan-edge",
          occurredAt: new Date("2026-08-31T22:30:00Z"),
          gross: 999,
          source: "subscription",
        },
        {
          ...base,
          dedupeKey: "t:e2",
          fanUuid: "fan-edge",
          occurredAt: new Date("2026-10-01T03:00:00Z"),
          gross: 999,
          source: "renewal",
        },
        {
          ...base,
          dedupeKey: "t:m1",
          fanUuid: "fan-moved",
          occurredAt: new Date("2026-09-10T12:00:00Z"),
          gross: 500,
          source: "tip",
        },
        {
          ...base,
          dedupeKey: "t:m2",
          fanUuid: "fan-moved",
          occurredAt: new Date("2026-09-12T12:00:00Z"),
          gross: 999,
          source: "subscription",
        },
      ],
    });
    await expectSummaryEqualsLedger();
    // The tip becomes free (gross 0), then moves to another fan; the subscription row is deleted.
    await db.earningRow.updateMany({ where: { creatorId, dedupeKey: "t:m1" }, data: { gross: 0 } });
    await db.earningRow.updateMany({
      where: { creatorId, dedupeKey: "t:m1" },
      data: { fanUuid: "fan-edge", gross: 300 },
    });
    await db.earningRow.deleteMany({ where: { creatorId, dedupeKey: "t:m2" } });
    const after = await expectSummaryEqualsLedger();
    expect(after.has("fan-moved")).toBe(false);
    expect(after.get("fan-edge")!.firstPaid).toBe(Date.parse("2026-08-31T22:30:00Z"));
  });
});

/** round(sum / n) to whole cents, half away from zero as Postgres rounds numerics. */
const avgCents = (values: Dec[]) =>
  values.length
    ? values
        .reduce((s, v) => s.add(v), new Prisma.Decimal(0))
        .div(values.length)
        .toDecimalPlaces(0, Prisma.Decimal.ROUND_HALF_UP)
        .toNumber()
    : null;

/** A cohort's figures from the raw fans: paying, mature and value per checkpoint, subscribers and renewed. */
function figures(fans: Fan[], now: number, whole: boolean) {
  const older = (days: number) => fans.filter((f) => f.firstPaid < now - days * DAY);
  const subs = older(35).filter((f) => f.firstSub !== null);
  const allSubs = fans.filter((f) => f.firstSub !== null).length;
  return {
    paying: fans.length,
    mature: CHECKPOINT_DAYS.map((d) => older(d).length),
    value: CHECKPOINT_DAYS.map((d, i) =>
      whole && older(d).length < fans.length ? null : avgCents(older(d).map((f) => f.value[i]!)),
    ),
    subscribers: subs.length,
    renewalRate:
      subs.length && (!whole || subs.length === allSubs)
        ? subs.filter((f) => f.renewals > 0).length / subs.length
        : null,
  };
}

describe("cohort value by month", () => {
  it.each(["America/Los_Angeles", "Asia/Kolkata"])(
    "by first-payment month equals the ledger's own in %s",
    async (tz) => {
      const now = Date.now();
      const v = await getCohortValue([creatorId], cohortValueQuerySchema.parse({ months: 24, tz }), now);
      const fans = [...(await rawFans()).values()];
      const current = localMonth(now, tz);
      expect(v.cohorts).toHaveLength(24);
      for (const [i, c] of v.cohorts.entries()) {
        const m = current - 23 + i;
        expect(c.key).toBe(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);
        const mine = fans.filter((f) => localMonth(f.firstPaid, tz) === m);
        const { paying, mature, value, subscribers, renewalRate } = figures(mine, now, true);
        expect({ paying, mature, value, subscribers, renewalRate }, c.key).toEqual({
          paying: c.paying,
          mature: c.mature,
          value: c.value,
          subscribers: c.subscribers,
          renewalRate: c.renewalRate,
        });
        expect(c.fans).toBe(c.paying);
      }
      // Enough history for the 30-day figure to mean something.
      expect(v.cohorts.filter((c) => c.value[2] !== null).length).toBeGreaterThan(2);
    },
  );
});

describe("cohort value by tracking link", () => {
  it("equals the ledger of the fans Fanvue lists for each link", async () => {
    const now = Date.now();
    const v = await getCohortValue(
      [creatorId],
      cohortValueQuerySchema.parse({ months: 12, tz: "UTC", by: "link" }),
      now,
    );
    const fans = await rawFans();
    const links = await db.trackingLink.findMany({ where: { creatorId } });
    expect(v.cohorts.map((c) => c.key).sort()).toEqual(links.map((l) => l.uuid).sort());
    let paying = 0;
    for (const c of v.cohorts) {
      const members = await db.trackingLinkFan.findMany({ where: { creatorId, linkUuid: c.key } });
      const mine = members.flatMap((m) => (fans.has(m.fanUuid) ? [fans.get(m.fanUuid)!] : []));
      expect(c.fans, c.label).toBe(members.length);
      const { mature, value, renewalRate } = figures(mine, now, false);
      expect({ paying: c.paying, mature: c.mature, value: c.value, renewalRate: c.renewalRate }, c.label).toEqual({
        paying: mine.length,
        mature,
        value,
        renewalRate,
      });
      paying += mine.length;
    }
    expect(paying).toBeGreaterThan(0);
    // The CSV has the screen's figures, in dollars.
    const lines = cohortValueLines(v);
    const c = v.cohorts.find((x) => x.value[2] !== null)!;
    const row = lines.find((l) => l.includes(c.key))!.split(",");
    expect(row.slice(2, 4)).toEqual([String(c.fans), String(c.paying)]);
    expect(row[6 + 2 * 2]).toBe((c.value[2]! / 100).toFixed(2));
  });
});

/** A fan paying at 23:30 UTC on the last day of two months: that month in Los Angeles, the next one in Kolkata. */
const lateFan = [
  ["t:l1", "subscription", "2026-07-31T23:30:00Z"],
  ["t:l2", "renewal", "2026-08-31T23:30:00Z"],
].map(([dedupeKey, source, at]) => ({
  creatorId,
  currency: "USD",
  net: 8,
  gross: 10,
  fanUuid: "fan-late",
  dedupeKey: dedupeKey!,
  source: source!,
  occurredAt: new Date(at!),
}));

describe("retention at a month's edge", () => {
  const now = Date.parse("2026-12-06T12:00:00Z");
  const triangle = (tz: string) => getRetention([creatorId], retentionQuerySchema.parse({ months: 12, tz }), now);
  const cohort = (r: Awaited<ReturnType<typeof triangle>>, m: string) => r.cohorts.find((c) => c.month === m)!;

  it.each([
    ["America/Los_Angeles", "2026-07", "2026-08"],
    ["Asia/Kolkata", "2026-08", "2026-07"],
  ])("places the fan in the viewer's month in %s", async (tz, mine, other) => {
    await db.earningRow.deleteMany({ where: { creatorId, fanUuid: "fan-late" } });
    const without = await triangle(tz);
    await db.earningRow.createMany({ data: lateFan.map((r) => ({ ...r, creatorId })) });
    const late = await db.fanLedgerSummary.findUniqueOrThrow({
      where: { creatorId_fanUuid: { creatorId, fanUuid: "fan-late" } },
    });
    expect([late.subMask, late.subEdges.length]).toEqual([null, 2]);
    const r = await triangle(tz);
    // One more fan in their cohort, paying again the month after; nothing else moves.
    expect(cohort(r, mine).size - cohort(without, mine).size).toBe(1);
    expect(cohort(r, mine).retained[1]! - cohort(without, mine).retained[1]!).toBe(1);
    expect(cohort(r, other).size).toBe(cohort(without, other).size);
  });
});
