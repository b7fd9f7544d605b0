import { beforeAll, describe, expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";
import { intlDate, localDayStart, mondayOf, offsetMs, plusDays } from "../support/zone-truth";

// Subscriber trends against the sandbox's synced ledger and its own world,
// each figure equal to one this test computes itself (zone arithmetic by
// Intl, tests/support/zone-truth.ts):
// - the ledger columns (new paid, renewed, lapsed, net) from the raw ledger
//   rows, in Los Angeles and Kolkata, per day, week and month, across the
//   fall-back night (1 Nov 2026 in Los Angeles; rows placed in its repeated
//   hour and its 25th hour);
// - Fanvue's columns from the sandbox's relations (subscribedAt / expiredAt)
//   per local day, with one request per span of one UTC offset (per page);
// - Fanvue failing: its last answer marked stale, or its columns unavailable
//   beside the ledger's, never zeros;
// - the daily auto-renew record from the roster and insight cache;
// - an agency's creators through /creators/{uuid} routes, summed;
// - bad input is a 400 naming its field.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { getSubscriberTrends, scopedCreatorRefs } = await import("@/lib/server/growth/subscriber-trends");
const { subscriberTrendsLines } = await import("@/lib/server/growth/subscriber-trends-csv");
const { recordSubscriberDays, subscriberDaysScheduler } = await import("@/lib/server/growth/subscriber-days");
const { loadCreatorRef } = await import("@/lib/server/creators/ref");
const { getWorkspaceAccess } = await import("@/lib/server/workspaces/access");
const { toErrorResponse } = await import("@/lib/server/api/errors");
const { subscriberTrendsQuerySchema } = await import("@/lib/schemas/subscriber-trends");
type Trends = Awaited<ReturnType<typeof getSubscriberTrends>>;
type Ref = NonNullable<Awaited<ReturnType<typeof loadCreatorRef>>>;

cleanUpBetweenTests(sb, db);

const DAY = 86_400_000;
const LAPSE_MS = 35 * DAY;
const LA = "America/Los_Angeles";
const KOLKATA = "Asia/Kolkata";
const world = (handle: string) => [...sb.state.world.creators.values()].find((c) => c.account.handle === handle)!;

let luna: Ref;
let atlas: { userId: string; workspaceId: string; creatorIds: string[]; handles: string[] };

beforeAll(async () => {
  const l = await provisionAccount(sb, "luna");
  const a = await provisionAccount(sb, "atlas");
  luna = (await loadCreatorRef(l.creators.luna!.id))!;
  atlas = {
    userId: a.user.id,
    workspaceId: a.workspace.id,
    creatorIds: a.workspace.creators.map((c) => c.id),
    handles: a.workspace.creators.map((c) => c.handle),
  };
  for (const id of [luna.creator.id, ...atlas.creatorIds]) await syncStream(id, "earnings");
  await placeAroundFallBack();
});

/** Payments and subscriptions in the night Los Angeles falls back (1 Nov 2026: 01:00–02:00 happens twice and
 * the day runs 25 hours), where a zone error would move them to another day. */
async function placeAroundFallBack() {
  const rows = [
    ["dst-a", "subscription", "2026-11-01T07:30:00Z"], // 00:30 PDT, the day's first hour
    ["dst-b", "subscription", "2026-11-01T08:30:00Z"], // 01:30 PDT
    ["dst-b", "renewal", "2026-11-01T09:30:00Z"], // 01:30 PST, the repeated hour
    ["dst-c", "subscription", "2026-11-02T07:30:00Z"], // 23:30 PST, the 25th hour (2 Nov in Kolkata)
    ["dst-d", "subscription", "2026-09-27T08:30:00Z"], // lapses 2026-11-01T08:30Z
    ["dst-e", "renewal", "2026-09-28T07:45:00Z"], // lapses in the 25th hour
  ] as const;
  await db.earningRow.createMany({
    data: rows.map(([fan, source, at], i) => ({
      creatorId: luna.creator.id,
      dedupeKey: `dst-${i}`,
      occurredAt: new Date(at),
      gross: 999,
      net: 799,
      currency: "USD",
      source,
      fanUuid: fan,
    })),
  });
  // Fanvue's side: a trial in the day's first hour, one in its 25th, a cancellation in its 25th.
  const followers = world("luna").relations.filter((r) => r.subscribedAt === null);
  const [a, b, c] = followers as [(typeof followers)[0], (typeof followers)[0], (typeof followers)[0]];
  Object.assign(a, { status: "subscriber", subscribedAt: Date.parse("2026-11-01T07:20:00Z"), onFreeTrial: true });
  Object.assign(b, { status: "subscriber", subscribedAt: Date.parse("2026-11-02T07:40:00Z"), onFreeTrial: true });
  Object.assign(c, {
    status: "expired",
    subscribedAt: Date.parse("2026-10-02T07:50:00Z"),
    expiredAt: Date.parse("2026-11-02T07:50:00Z"),
  });
}

type Case = { tz: string; range: string; granularity: "day" | "week" | "month"; from?: string; to?: string };
const CASES: Case[] = [
  { tz: LA, range: "90d", granularity: "day" },
  { tz: KOLKATA, range: "90d", granularity: "month" },
  { tz: LA, range: "custom", from: "2026-10-25", to: "2026-11-07", granularity: "day" },
  { tz: KOLKATA, range: "custom", from: "2026-10-25", to: "2026-11-07", granularity: "day" },
  { tz: LA, range: "custom", from: "2026-09-01", to: "2026-11-30", granularity: "week" },
  { tz: LA, range: "12m", granularity: "month" },
];

const bucketOf = (ms: number, tz: string, g: Case["granularity"]) => {
  const d = intlDate(ms, tz);
  return g === "day" ? d : g === "week" ? mondayOf(d) : `${d.slice(0, 8)}01`;
};

/** Every bucket start of [from, to], by plain calendar steps. */
function ownBuckets(from: string, to: string, g: Case["granularity"]) {
  const out = new Set<string>();
  for (let d = from; d <= to; d = plusDays(d, 1))
    out.add(g === "day" ? d : g === "week" ? mondayOf(d) : `${d.slice(0, 8)}01`);
  return [...out];
}

type Sets = Map<string, Set<string>>;
const add = (m: Sets, bucket: string, who: string) => m.set(bucket, (m.get(bucket) ?? new Set()).add(who));

/** New paid, renewed and lapsed fans per bucket, from the raw ledger rows. */
async function ledgerTruth(ids: string[], t: Trends, now: number) {
  const { tz, granularity: g } = t.range;
  const [start, end] = [Date.parse(t.range.startUtc), Date.parse(t.range.endUtc)];
  const rows = await db.earningRow.findMany({
    where: {
      creatorId: { in: ids },
      fanUuid: { not: null },
      source: { in: ["subscription", "renewal"] },
      gross: { gt: 0 },
    },
    orderBy: { occurredAt: "asc" },
  });
  const sets = { newPaid: new Map() as Sets, renewed: new Map() as Sets, lapsed: new Map() as Sets };
  const times = new Map<string, number[]>();
  for (const r of rows) {
    const at = r.occurredAt.getTime();
    const who = `${r.creatorId}:${r.fanUuid}`;
    times.set(who, [...(times.get(who) ?? []), at]);
    if (at >= start && at < end)
      add(r.source === "subscription" ? sets.newPaid : sets.renewed, bucketOf(at, tz, g), who);
  }
  for (const [who, ts] of times)
    ts.forEach((at, i) => {
      const lapse = at + LAPSE_MS;
      const next = ts[i + 1];
      if ((next === undefined || next > lapse) && lapse >= start && lapse < Math.min(end, now))
        add(sets.lapsed, bucketOf(lapse, tz, g), who);
    });
  return sets;
}

const query = (c: Case) => subscriberTrendsQuerySchema.parse(c);
const size = (m: Sets, b: string) => m.get(b)?.size ?? 0;

describe("ledger columns", () => {
  it.each(CASES)("equal the raw rows' own counts: $tz $range per $granularity", async (c) => {
    const now = Date.now();
    const t = await getSubscriberTrends([luna], query(c), now);
    const want = await ledgerTruth([luna.creator.id], t, now);
    expect(t.rows.map((r) => r.bucket)).toEqual(ownBuckets(t.range.from, t.range.to, c.granularity));
    expect(t.rows.map((r) => [r.bucket, r.newPaid, r.renewed, r.lapsed, r.netPaid])).toEqual(
      t.rows.map((r) => {
        const [n, l] = [size(want.newPaid, r.bucket), size(want.lapsed, r.bucket)];
        return [r.bucket, n, size(want.renewed, r.bucket), l, n - l];
      }),
    );
    // Nothing fell outside the buckets, and the figures are not all zero.
    const buckets = new Set(t.rows.map((r) => r.bucket));
    for (const m of Object.values(want)) for (const b of m.keys()) expect(buckets.has(b), b).toBe(true);
    expect(t.totals.newPaid + t.totals.renewed).toBeGreaterThan(0);
    if (c.range !== "custom" || c.granularity === "week") expect(t.totals.lapsed).toBeGreaterThan(0);
  });

  it("places the fall-back night's payments on their local day", async () => {
    const la = await getSubscriberTrends([luna], query(CASES[2]!));
    const kol = await getSubscriberTrends([luna], query(CASES[3]!));
    const row = (t: Trends, b: string) => t.rows.find((r) => r.bucket === b)!;
    // dst-a, dst-b, dst-c new on 1 Nov in Los Angeles; dst-c on 2 Nov in Kolkata.
    expect(row(la, "2026-11-01").newPaid).toBeGreaterThanOrEqual(3);
    expect(row(kol, "2026-11-02").newPaid).toBeGreaterThanOrEqual(1);
    expect(row(la, "2026-11-01").lapsed).toBeGreaterThanOrEqual(2);
  });
});

/** Fanvue's truth: the sandbox's relations' subscriptions and expiries per local day, summed per bucket. */
function fanvueTruth(handles: string[], t: Trends) {
  const { tz, granularity: g, from, to } = t.range;
  const out = new Map<string, { fanvueNew: number; cancelled: number }>();
  const count = (at: number | null, k: "fanvueNew" | "cancelled") => {
    if (at === null || intlDate(at, tz) < from || intlDate(at, tz) > to) return;
    const b = bucketOf(at, tz, g);
    const v = out.get(b) ?? { fanvueNew: 0, cancelled: 0 };
    v[k]++;
    out.set(b, v);
  };
  for (const h of handles)
    for (const r of world(h).relations) {
      count(r.subscribedAt, "fanvueNew");
      count(r.expiredAt, "cancelled");
    }
  return out;
}

describe("Fanvue columns", () => {
  it.each(CASES)("equal the sandbox's own counts per local day: $tz $range per $granularity", async (c) => {
    const t = await getSubscriberTrends([luna], query(c));
    expect(t.fanvue.state).toBe("fresh");
    const want = fanvueTruth(["luna"], t);
    expect(t.rows.map((r) => [r.bucket, r.fanvueNew, r.cancelled, r.trials])).toEqual(
      t.rows.map((r) => {
        const w = want.get(r.bucket) ?? { fanvueNew: 0, cancelled: 0 };
        return [r.bucket, w.fanvueNew, w.cancelled, Math.max(0, w.fanvueNew - r.newPaid)];
      }),
    );
    expect(t.totals.fanvueNew).toBeGreaterThan(0);
  });

  it("counts the 25-hour day whole: its first hour and its 25th", async () => {
    const t = await getSubscriberTrends([luna], query(CASES[2]!));
    const nov1 = t.rows.find((r) => r.bucket === "2026-11-01")!;
    const [start, end] = [localDayStart("2026-11-01", LA), localDayStart("2026-11-02", LA)];
    expect(end - start).toBe(25 * 3_600_000);
    const within = (at: number | null) => at !== null && at >= start && at < end;
    const rel = world("luna").relations;
    expect(nov1.fanvueNew).toBe(rel.filter((r) => within(r.subscribedAt)).length);
    expect(nov1.cancelled).toBe(rel.filter((r) => within(r.expiredAt)).length);
    expect(nov1.fanvueNew).toBeGreaterThanOrEqual(2);
  });
});

type Call = { query: Record<string, string>; path: string };
const subscriberCalls = async (glob: string) =>
  ((await sb.admin(`/calls?path=${encodeURIComponent(glob)}`)) as { calls: Call[] }).calls;

/** The spans of one offset the test expects, by Intl: local midnights grouped by their offset. */
function ownSpans(from: string, to: string, tz: string) {
  const iso = (d: string) => {
    const off = offsetMs(localDayStart(d, tz), tz) / 60_000;
    const abs = Math.abs(off);
    const hhmm = `${String(Math.trunc(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
    return `${d}T00:00:00${off < 0 ? "-" : "+"}${hhmm}`;
  };
  const spans: { startDate: string; endDate: string }[] = [];
  let first = from;
  for (let d = plusDays(from, 1); d <= plusDays(to, 1); d = plusDays(d, 1)) {
    if (d <= to && iso(d).slice(-6) === iso(first).slice(-6)) continue;
    spans.push({ startDate: iso(first), endDate: iso(d) });
    first = d;
  }
  return spans;
}

describe("Fanvue's requests", () => {
  it.each([CASES[2]!, CASES[0]!, CASES[5]!])("one per span of one offset, per page: $tz $range", async (c) => {
    await db.upstreamSnapshot.deleteMany({ where: { key: { startsWith: "subscriber-trends:" } } });
    await sb.admin("/calls", undefined, "DELETE");
    const t = await getSubscriberTrends([luna], query(c));
    const spans = ownSpans(t.range.from, t.range.to, c.tz);
    if (c.range === "custom")
      expect(spans).toEqual([
        { startDate: "2026-10-25T00:00:00-07:00", endDate: "2026-11-02T00:00:00-08:00" },
        { startDate: "2026-11-02T00:00:00-08:00", endDate: "2026-11-08T00:00:00-08:00" },
      ]);
    expect(t.fanvueSpans).toEqual(spans);
    const calls = await subscriberCalls("/insights/subscribers");
    const expected = spans.flatMap((s) => {
      // Fanvue's days from the start, 24 h each; the last may be short (or the fall-back night's 25th hour).
      const days = Math.ceil((Date.parse(s.endDate) - Date.parse(s.startDate)) / DAY);
      return Array.from({ length: Math.ceil(days / 50) }, (_, page) => [s.startDate, s.endDate, page > 0, "50"]);
    });
    expect(calls.map((x) => [x.query.startDate, x.query.endDate, "cursor" in x.query, x.query.size])).toEqual(expected);
    expect(spans.length).toBeGreaterThan(1);
  });
});

describe("when Fanvue fails", () => {
  const c = CASES[2]!;
  const fault = () => sb.admin("/faults", { path: "/insights/subscribers", method: "GET", status: 503 });
  const ledgerOf = (t: Trends) => t.rows.map((r) => [r.bucket, r.newPaid, r.renewed, r.lapsed, r.netPaid]);

  it("serves its last answer marked stale, with the reason", async () => {
    const fresh = await getSubscriberTrends([luna], query(c));
    await db.upstreamSnapshot.updateMany({
      where: { key: { startsWith: "subscriber-trends:" } },
      data: { fetchedAt: new Date(Date.now() - 3_600_000) },
    });
    await fault();
    const t = await getSubscriberTrends([luna], query(c));
    expect(t.fanvue).toMatchObject({ state: "stale", retrying: true, reason: expect.stringMatching(/Fanvue/) });
    expect(t.rows).toEqual(fresh.rows);
  });

  it("without an earlier answer: Fanvue's columns unavailable, the ledger's complete, never zeros", async () => {
    const fresh = await getSubscriberTrends([luna], query(c));
    await db.upstreamSnapshot.deleteMany({ where: { key: { startsWith: "subscriber-trends:" } } });
    await fault();
    const t = await getSubscriberTrends([luna], query(c));
    expect(t.fanvue).toMatchObject({ state: "unavailable", retrying: true, reason: expect.stringMatching(/Fanvue/) });
    expect(ledgerOf(t)).toEqual(ledgerOf(fresh));
    expect(t.rows.every((r) => r.fanvueNew === null && r.cancelled === null && r.trials === null)).toBe(true);
    expect([t.totals.fanvueNew, t.totals.cancelled, t.totals.trials]).toEqual([null, null, null]);
    // The CSV leaves those cells empty and says why.
    const lines = subscriberTrendsLines(t);
    expect(lines.some((l) => l.startsWith("# Fanvue's counts unavailable: "))).toBe(true);
    expect(lines.find((l) => l.startsWith("2026-11-01,"))).toMatch(/,,,$/);
  });
});

describe("the daily auto-renew record", () => {
  /** Roster and insight rows for a creator: subscribers with auto-renew on, off and unknown, and followers. */
  async function seedRoster(creatorId: string) {
    const fans = Array.from({ length: 40 }, (_, i) => ({
      fanUuid: `fan-${i}`,
      list: i % 5 === 4 ? "followers" : "subscribers",
      // Every third fan's setting unknown: no insight row, or one without autoRenew.
      autoRenew: i % 3 === 0 ? null : i % 7 < 3,
      insight: i % 6 !== 0,
    }));
    await db.audienceFan.createMany({
      data: fans.map((f) => ({ creatorId, fanUuid: f.fanUuid, handle: f.fanUuid, list: f.list, seenAt: new Date() })),
    });
    await db.fanInsight.createMany({
      data: fans
        .filter((f) => f.insight)
        .map((f) => ({ creatorId, fanUuid: f.fanUuid, state: "ok", autoRenew: f.autoRenew })),
    });
    return fans;
  }
  const roster = (creatorId: string, syncedAt: Date | null) =>
    db.fanRoster.create({
      data: {
        creatorId,
        runId: "r1",
        status: syncedAt ? "done" : "running",
        phase: "done",
        reason: "first",
        startedAt: new Date(),
        syncedAt,
      },
    });

  it("equals the test's own count of the roster's subscribers and their known settings, once a day", async () => {
    const id = luna.creator.id;
    const fans = await seedRoster(id);
    await roster(id, null);
    // No record before the roster's first full sync: its counts would be a wrong zero.
    expect(await recordSubscriberDays([id])).toBe(0);
    await db.fanRoster.update({ where: { creatorId: id }, data: { status: "done", syncedAt: new Date() } });
    const t = await getSubscriberTrends([luna], query(CASES[0]!));
    const subs = fans.filter((f) => f.list === "subscribers");
    const known = subs.filter((f) => f.insight && f.autoRenew !== null);
    const want = {
      subscribers: subs.length,
      known: known.length,
      autoRenewOff: known.filter((f) => !f.autoRenew).length,
    };
    const today = new Date().toISOString().slice(0, 10);
    const row = await db.subscriberDay.findUniqueOrThrow({
      where: { creatorId_day: { creatorId: id, day: new Date(today) } },
    });
    expect({ subscribers: row.subscribers, known: row.known, autoRenewOff: row.autoRenewOff }).toEqual(want);
    expect(t.autoRenew).toEqual({
      since: today,
      points: [{ day: today, ...want, share: want.autoRenewOff / want.known }],
    });
    expect(want.known).toBeGreaterThan(0);
    expect(want.autoRenewOff).toBeGreaterThan(0);
    // Taken once: later changes wait for tomorrow's record.
    await db.fanInsight.updateMany({ where: { creatorId: id, autoRenew: { not: null } }, data: { autoRenew: false } });
    await subscriberDaysScheduler.tick();
    const again = await db.subscriberDay.findUniqueOrThrow({
      where: { creatorId_day: { creatorId: id, day: new Date(today) } },
    });
    expect(again.autoRenewOff).toBe(want.autoRenewOff);
    // Tomorrow's (the scheduler's, for every recorded creator) sees them.
    await recordSubscriberDays(null, Date.now() + DAY);
    const next = await db.subscriberDay.findMany({ where: { creatorId: id }, orderBy: { day: "asc" } });
    expect(next.map((r) => r.autoRenewOff)).toEqual([want.autoRenewOff, want.known]);
  });
});

describe("an agency's creators", () => {
  it("are asked through /creators/{uuid} routes and summed, each fan once per creator", async () => {
    const access = (await getWorkspaceAccess(atlas.userId, atlas.workspaceId))!;
    const refs = await scopedCreatorRefs(access);
    expect(refs.map((r) => r.creator.id).sort()).toEqual([...atlas.creatorIds].sort());
    const now = Date.now();
    const t = await getSubscriberTrends(refs, query(CASES[1]!), now);
    const ledger = await ledgerTruth(atlas.creatorIds, t, now);
    const fanvue = fanvueTruth(atlas.handles, t);
    expect(t.rows.map((r) => [r.bucket, r.newPaid, r.renewed, r.lapsed, r.fanvueNew, r.cancelled])).toEqual(
      t.rows.map((r) => [
        r.bucket,
        size(ledger.newPaid, r.bucket),
        size(ledger.renewed, r.bucket),
        size(ledger.lapsed, r.bucket),
        fanvue.get(r.bucket)?.fanvueNew ?? 0,
        fanvue.get(r.bucket)?.cancelled ?? 0,
      ]),
    );
    expect(t.totals.newPaid + t.totals.renewed).toBeGreaterThan(0);
    const calls = await subscriberCalls("/creators/*/insights/subscribers");
    expect(new Set(calls.map((c) => c.path.split("/")[2]))).toEqual(new Set(refs.map((r) => r.creator.fanvueUuid)));
    expect(await subscriberCalls("/insights/subscribers")).toEqual([]);
  });
});

describe("bad input", () => {
  it.each([
    [{ granularity: "hour" }, "granularity"],
    [{ range: "forever" }, "range"],
    [{ range: "custom", to: "2026-11-07" }, "from"],
    [{ range: "custom", from: "2026-11-07" }, "to"],
    [{ range: "custom", from: "2026-02-30", to: "2026-03-07" }, "from"],
    [{ range: "custom", from: "2026-11-07", to: "2026-11-01" }, "to"],
    [{ tz: "Mars/Olympus" }, "tz"],
  ])("%j is a 400 naming %s", async (input, field) => {
    const r = subscriberTrendsQuerySchema.safeParse(input);
    expect(r.success).toBe(false);
    const res = toErrorResponse(r.error, "test");
    const body = (await res.json()) as { error: { code: string; field?: string } };
    expect({ status: res.status, ...body.error }).toMatchObject({ status: 400, code: "invalid_input", field });
  });
});
