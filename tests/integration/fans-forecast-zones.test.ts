import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insightStatus } from "@/sandbox/world/queries";
import { creatorWorkspace } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";
import { int, pick, propSeed, rng, ZONES } from "../support/zone-truth";

// The renewal forecast per day in the viewer's time zone, against the truth
// computed here from the sandbox's world (each subscriber's renewal instant,
// put on a local date with Intl, not with the code under test). Zones west
// and east of UTC, a half-hour and a 45-minute offset: a day boundary that is
// off by the zone's offset moves renewals onto the wrong day or out of the window.
//
// The world is anchored 3 days back, so renewals fall from then to 27 days
// ahead: some are earlier today (the window's start cuts through them in
// every zone) and a 10-day window's end cuts through them too.
const sb = await startTestSandbox({ soloFans: 2000, anchor: Date.now() - 3 * 86_400_000 });
const { db } = await import("@/lib/server/db");
const { startWorker } = await import("@/lib/server/jobs/worker");
const { startAnalysis, getAnalysis } = await import("@/lib/server/fans/analysis/analysis");
const { getForecast, getForecastDay } = await import("@/lib/server/fans/forecast");

const { access, user } = await creatorWorkspace(sb, "luna");
const world = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!;
const DAYS = 10;

let worker: ReturnType<typeof startWorker> | null = null;
beforeAll(async () => {
  await startAnalysis(access);
  worker = startWorker({ queues: ["fans.roster"], pollMs: 50, leaseMs: 1_500 });
  // (expect.poll works only inside a test.)
  for (const until = Date.now() + 60_000; (await getAnalysis(access)).status !== "done";) {
    if (Date.now() > until) throw new Error(`analysis not done: ${JSON.stringify(await getAnalysis(access))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 90_000);
afterAll(async () => {
  await worker?.stop();
  await db.$disconnect();
  await sb.close();
});

/** "YYYY-MM-DD" of an instant in a zone, by Intl. */
const localDate = (ms: number, tz: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(ms);

/** The next `days` calendar dates from `first` (plain calendar arithmetic). */
function datesFrom(first: string, days: number) {
  const [y, m, d] = first.split("-").map(Number);
  return Array.from({ length: days }, (_, i) => new Date(Date.UTC(y!, m! - 1, d! + i)).toISOString().slice(0, 10));
}

type TruthDay = { date: string; renewing: string[]; atRisk: string[] };

/** Active subscriptions renewing on each local date of the window. */
function truth(tz: string, now: number, length = DAYS): TruthDay[] {
  const days = datesFrom(localDate(now, tz), length).map((date) => ({
    date,
    renewing: [] as string[],
    atRisk: [] as string[],
  }));
  const byDate = new Map(days.map((d) => [d.date, d]));
  world.relations.forEach((r, i) => {
    if (insightStatus(r) !== "subscriber" || r.renewsAt === null) return;
    const day = byDate.get(localDate(r.renewsAt, tz));
    if (day) (r.autoRenew ? day.renewing : day.atRisk).push(world.fans[i]!.uuid.toLowerCase());
  });
  return days;
}

describe("renewal forecast per local day", () => {
  it.each(["America/Los_Angeles", "Asia/Kolkata", "Australia/Adelaide", "Pacific/Chatham"])(
    "%s: counts, expected gross and the fans behind each day are the truth",
    async (tz) => {
      const now = Date.now();
      const want = truth(tz, now);
      const f = await getForecast(access, { tz, days: DAYS });
      // Renewals on (nearly) every day, the first and last included (else this proves little).
      const n = (d: TruthDay) => d.renewing.length + d.atRisk.length;
      expect(want.reduce((s, d) => s + n(d), 0)).toBeGreaterThan(50);
      expect(want.filter((d) => n(d) > 0).length).toBeGreaterThan(DAYS - 3);
      expect(n(want[0]!) * n(want.at(-1)!)).toBeGreaterThan(0);

      // The sandbox charges one price per creator.
      expect(f.renewalPrice).toBe(world.subscriptionPrice);
      const price = world.subscriptionPrice;
      expect(f.days).toEqual(
        want.map((d) => ({
          date: d.date,
          count: d.renewing.length,
          expectedGross: d.renewing.length * price,
          atRiskCount: d.atRisk.length,
          atRiskGross: d.atRisk.length * price,
          highSpendersAtRisk: expect.any(Number),
        })),
      );

      for (const d of want) {
        const listed = await getForecastDay(access, { tz, day: d.date }, user);
        expect(listed.truncated).toBe(false);
        expect(listed.fans.map((x) => x.uuid.toLowerCase()).sort(), `${tz} ${d.date}`).toEqual(
          [...d.renewing, ...d.atRisk].sort(),
        );
        // Each listed fan renews on that local day.
        for (const x of listed.fans) expect(localDate(Date.parse(x.renewsAt), tz)).toBe(d.date);
      }
    },
    60_000,
  );

  // Seeded: random zones (half-hour, 45-minute, southern DST, ±12 h and more) and window lengths.
  const SEED = propSeed(20261206);
  it(`random zones and windows: each day's renewing and at-risk counts are the truth (PROP_SEED=${SEED})`, async () => {
    const r = rng(SEED);
    const cases = Array.from({ length: 24 }, () => ({ tz: pick(r, ZONES), days: int(r, 1, 60) }));
    for (const { tz, days } of cases) {
      const now = Date.now();
      const want = truth(tz, now, days);
      const f = await getForecast(access, { tz, days });
      const got = f.days.map((d) => ({ date: d.date, count: d.count, atRiskCount: d.atRiskCount }));
      expect(got, `${tz}, ${days} days`).toEqual(
        want.map((d) => ({ date: d.date, count: d.renewing.length, atRiskCount: d.atRisk.length })),
      );
    }
    expect(new Set(cases.map((c) => c.tz)).size).toBeGreaterThan(8);
  }, 60_000);
});
