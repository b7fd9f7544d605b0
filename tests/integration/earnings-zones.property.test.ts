import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";
import {
  int,
  intlDate,
  localDayStart,
  mondayOf,
  pick,
  plusDays,
  propSeed,
  rng,
  transitions,
  ZONES,
} from "../support/zone-truth";

// Seeded property test: the earnings report's chart buckets and totals, for
// random zones, custom ranges and granularities, equal a computation done here
// with Intl alone (each row's local date by Intl.DateTimeFormat, ranges and
// buckets by plain calendar arithmetic), not with date-range / date-fns or
// SQL's AT TIME ZONE, which are what is under test. The ledger is seeded with
// rows piled up at local midnights (to the millisecond) and DST changes, where
// an off-by-an-offset day boundary puts money on the wrong day.
// Replay a failure with PROP_SEED=<seed printed below>.

const sb = await startTestSandbox({ soloFans: 20 });
const { db } = await import("@/lib/server/db");
const { earningsReport } = await import("@/lib/server/earnings/report");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");

const luna = await provisionAccount(sb, "luna");
const creatorId = luna.creators.luna!.id;

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const SEED = propSeed(20261207);
const CASES = 300; // 8–17 ms each (6 queries): 3–5 s on 2 shared cores; PROP_SEED varies them
const ROWS = 600;
const r = rng(SEED);

// Rows and ranges fall in 2025–2027 (the report is asked "as of" 2031, so no
// range is running and nothing is cut short).
const WINDOW = { from: Date.UTC(2025, 0, 1), to: Date.UTC(2028, 0, 1) };
const NOW = Date.UTC(2031, 0, 1);
const DAY = 86_400_000;
const windowDate = () => new Date(WINDOW.from + Math.floor(r() * (WINDOW.to - WINDOW.from))).toISOString().slice(0, 10);
const zoneChanges = new Map(ZONES.map((tz) => [tz, transitions(tz, WINDOW.from - 30 * DAY, WINDOW.to + 30 * DAY)]));
const allChanges = [...zoneChanges.values()].flat();

/** An instant near the edge `at`: on it or a millisecond off a third of the
 * time, else within `spreadMs` either side. */
const near = (at: number, spreadMs: number) =>
  r() < 0.35 ? at + int(r, -1, 1) : at + Math.round((r() * 2 - 1) * spreadMs);

function randomInstant(): number {
  const kind = r();
  if (kind < 0.4) {
    // A local midnight of some zone, often a month's first (month buckets' edges).
    const d = windowDate();
    return near(localDayStart(r() < 0.3 ? `${d.slice(0, 8)}01` : d, pick(r, ZONES)), 2 * 3_600_000);
  }
  if (kind < 0.7) return near(pick(r, allChanges), 3 * 3_600_000);
  return WINDOW.from + Math.floor(r() * (WINDOW.to - WINDOW.from));
}

type Row = { at: number; gross: number; net: number; fan: string | null };
const FANS = Array.from({ length: 40 }, (_, i) => `fan-${String(i).padStart(4, "0")}`);
const rows: Row[] = Array.from({ length: ROWS }, () => {
  const gross = int(r, 1, 250_000);
  return { at: randomInstant(), gross, net: int(r, 0, gross), fan: r() < 0.15 ? null : pick(r, FANS) };
});
const SOURCES = ["subscription", "renewal", "tip", "message", "post", "referral", "affiliate"];
const toDb = (cid: string) => (x: Row, i: number) => ({
  creatorId: cid,
  dedupeKey: `prop:${i}`,
  occurredAt: new Date(x.at),
  gross: x.gross,
  net: x.net,
  currency: "USD",
  source: pick(r, SOURCES),
  fanUuid: x.fan,
});
await db.earningRow.createMany({ data: rows.map(toDb(creatorId)) });
// Another creator's rows at the same instants must never be counted.
await db.earningRow.createMany({ data: rows.slice(0, 50).map(toDb("someone-else")) });

// ─── The truth, by Intl ───────────────────────────────────────────────────────

const datesByZone = new Map<string, string[]>();
const localDates = (tz: string) => {
  let d = datesByZone.get(tz);
  if (!d) datesByZone.set(tz, (d = rows.map((x) => intlDate(x.at, tz))));
  return d;
};
type Granularity = "day" | "week" | "month";
const bucketOf = (date: string, g: Granularity) =>
  g === "day" ? date : g === "week" ? mondayOf(date) : `${date.slice(0, 8)}01`;
const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;

function truth(tz: string, from: string, to: string, g: Granularity) {
  const dates = localDates(tz);
  const series = new Map<string, { bucket: string; gross: number; net: number }>();
  for (let d = from; d <= to; d = plusDays(d, 1)) {
    const b = bucketOf(d, g);
    if (!series.has(b)) series.set(b, { bucket: b, gross: 0, net: 0 });
  }
  const totalsOf = (a: string, b: string) => {
    const t = { gross: 0, net: 0, transactions: 0, payingFans: 0 };
    const fans = new Set<string>();
    rows.forEach((x, i) => {
      if (dates[i]! < a || dates[i]! > b) return;
      t.gross += x.gross;
      t.net += x.net;
      t.transactions++;
      if (x.fan) fans.add(x.fan);
    });
    t.payingFans = fans.size;
    return t;
  };
  rows.forEach((x, i) => {
    const d = dates[i]!;
    if (d < from || d > to) return;
    const s = series.get(bucketOf(d, g))!;
    s.gross += x.gross;
    s.net += x.net;
  });
  const len = dayCount(from, to);
  return {
    series: [...series.values()],
    totals: totalsOf(from, to),
    previousTotals: totalsOf(plusDays(from, -len), plusDays(to, -len)),
  };
}

// ─── Random cases ─────────────────────────────────────────────────────────────

type Case = { tz: string; from: string; to: string; granularity: Granularity };

function randomCase(): Case {
  const tz = pick(r, ZONES);
  const granularity = pick(r, ["day", "week", "month"] as const);
  const changes = zoneChanges.get(tz)!.filter((t) => t >= WINDOW.from + 60 * DAY && t < WINDOW.to - 60 * DAY);
  const kind = r();
  let from: string;
  let len: number;
  if (kind < 0.35 && changes.length) {
    // Spanning (or starting or ending on) one of the zone's DST changes.
    const change = intlDate(pick(r, changes), tz);
    const k = r();
    [from, len] =
      k < 0.2
        ? [change, 1]
        : k < 0.35
          ? [plusDays(change, 1), int(r, 1, 20)]
          : k < 0.5
            ? [plusDays(change, -int(r, 0, 20)), 0]
            : [plusDays(change, -int(r, 0, 12)), int(r, 1, 45)];
    if (len === 0) len = dayCount(from, change); // ends on the change's day
  } else if (kind < 0.6) {
    // Starting or ending at a month's edge.
    const first = `${windowDate().slice(0, 8)}01`;
    from = r() < 0.5 ? first : plusDays(first, -int(r, 1, 3));
    len = int(r, 1, 75);
  } else {
    from = windowDate();
    len = r() < 0.15 ? int(r, 100, 700) : int(r, 1, 60);
  }
  return { tz, from, to: plusDays(from, len - 1), granularity };
}

const cases = Array.from({ length: CASES }, randomCase);

describe(`earnings buckets and totals in the viewer's zone (seeded property test, PROP_SEED=${SEED})`, () => {
  it("seeded the ledger: rows at exact local midnights, around DST changes, all in integer cents", async () => {
    const agg = await db.earningRow.aggregate({ where: { creatorId }, _count: true, _sum: { gross: true } });
    expect(agg._count).toBe(ROWS);
    expect(agg._sum.gross?.toString()).toBe(String(rows.reduce((s, x) => s + x.gross, 0)));
    // Some rows sit exactly on a local midnight, or a millisecond either side.
    const onMidnight = rows.filter((x) =>
      ZONES.some(
        (tz) =>
          Math.abs(x.at - localDayStart(intlDate(x.at, tz), tz)) <= 1 ||
          Math.abs(x.at + 1 - localDayStart(intlDate(x.at + 1, tz), tz)) <= 1,
      ),
    );
    expect(onMidnight.length).toBeGreaterThan(40);
    expect(rows.filter((x) => allChanges.some((t) => Math.abs(x.at - t) <= 3 * 3_600_000)).length).toBeGreaterThan(120);
  });

  it(`series buckets (gross, net) and totals equal the Intl computation (${CASES} cases, ${ZONES.length} zones)`, async () => {
    const started = Date.now();
    const failures: unknown[] = [];
    let spanning = 0;
    let nonEmpty = 0;
    for (const [i, c] of cases.entries()) {
      const q = earningsQuerySchema.parse({ range: "custom", ...c });
      const report = await earningsReport([creatorId], [creatorId], q, NOW);
      const want = truth(c.tz, c.from, c.to, c.granularity);
      const got = {
        series: report.series.map((s) => ({ bucket: s.bucket, gross: s.gross, net: s.net })),
        totals: {
          gross: report.totals.gross,
          net: report.totals.net,
          transactions: report.totals.transactions,
          payingFans: report.totals.payingFans,
        },
        previousTotals: {
          gross: report.previousTotals.gross,
          net: report.previousTotals.net,
          transactions: report.previousTotals.transactions,
          payingFans: report.previousTotals.payingFans,
        },
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push({ case: i, ...c, got, want });
      if (zoneChanges.get(c.tz)!.some((t) => intlDate(t, c.tz) >= c.from && intlDate(t, c.tz) <= c.to)) spanning++;
      if (want.totals.transactions > 0) nonEmpty++;
    }
    console.log(
      `earnings-zones property: PROP_SEED=${SEED}, ${CASES} cases (${spanning} spanning a DST change, ${nonEmpty} with rows) in ${Date.now() - started} ms`,
    );
    expect(failures.slice(0, 3)).toEqual([]);
    // The generator exercised what it is meant to.
    expect(spanning).toBeGreaterThan(CASES / 5);
    expect(nonEmpty).toBeGreaterThan(CASES * 0.6);
    for (const g of ["day", "week", "month"])
      expect(cases.filter((c) => c.granularity === g).length).toBeGreaterThan(CASES / 6);
    expect(new Set(cases.map((c) => c.tz)).size).toBe(ZONES.length);
  }, 60_000);
});
