// Growth benchmark (issue 20): the retention triangle and cohort value over
// 100,000 fans and two years of ledger, seeded in bulk with SQL. Baseline in
// the same run: the same answer computed straight from the raw ledger rows.
// Target: p95 ≤ 500 ms for each view.
import { fmt, percentile, row, startBench } from "./harness";

const TARGET_P95_MS = 500;
const RUNS = 20;
const FANS = 100_000;
const TZ = "America/Los_Angeles";

const bench = await startBench({ soloFans: 10 });
const { db } = await import("@/lib/server/db");
const { getRetention } = await import("@/lib/server/growth/retention");
const { getCohortValue } = await import("@/lib/server/growth/cohort-value");
const { retentionQuerySchema, cohortValueQuerySchema } = await import("@/lib/schemas/growth");

/** A deterministic pseudo-random non-negative int from a seed and an expression. */
const h = (seed: string, expr: string) => `(hashtext('${seed}' || ${expr}) & 2147483647)`;

async function seed() {
  const { creators } = await bench.provision("luna");
  const creator = creators.luna!;
  await db.earningRow.deleteMany({ where: { creatorId: creator.id } });
  const t0 = Date.now();
  // Each fan subscribes at a random instant of the last two years and pays
  // every 30 days until they churn (≈ 15 % a month); a third also tip.
  await db.$executeRawUnsafe(`
    INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency, source, "fanUuid")
    SELECT 'g' || f || ':' || k, '${creator.id}', 'bench:' || f || ':' || k,
           now() - (${h("s", "f")} % (730 * 1440)) * interval '1 minute' + k * interval '30 days',
           999, 799.2, 'USD', CASE WHEN k = 0 THEN 'subscription' ELSE 'renewal' END, 'fan-' || f
    FROM generate_series(1, ${FANS}) f,
         LATERAL generate_series(0, least(24, floor(-ln((${h("l", "f")} % 1000 + 1) / 1001.0) / 0.16)::int)) k
    WHERE k * 30 < (${h("s", "f")} % (730 * 1440)) / 1440`);
  await db.$executeRawUnsafe(`
    INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency, source, "fanUuid")
    SELECT 't' || g, '${creator.id}', 'bench:t' || g,
           now() - (${h("t", "g")} % (730 * 1440)) * interval '1 minute',
           500 + ${h("a", "g")} % 5000, (500 + ${h("a", "g")} % 5000) * 0.8, 'USD',
           (ARRAY['tip', 'message', 'post'])[1 + ${h("k", "g")} % 3], 'fan-' || (1 + ${h("f", "g")} % ${FANS})
    FROM generate_series(1, ${FANS * 3}) g`);
  // 20 tracking links that brought in half of the fans.
  await db.$executeRawUnsafe(`
    INSERT INTO "TrackingLink" ("creatorId", uuid, name, "linkUrl", platform, "createdAt", "syncedAt")
    SELECT '${creator.id}', 'link-' || l, 'Link ' || l, 'fv-' || l, 'instagram', now() - interval '800 days', now()
    FROM generate_series(1, 20) l`);
  await db.$executeRawUnsafe(`
    INSERT INTO "TrackingLinkFan" ("creatorId", "linkUuid", "fanUuid", status, "syncedAt")
    SELECT '${creator.id}', 'link-' || (1 + f % 20), 'fan-' || f, 'subscriber', now()
    FROM generate_series(1, ${FANS}, 2) f`);
  // What autovacuum does after a bulk load: the summary was rewritten once per statement above.
  await db.$executeRawUnsafe(`VACUUM ANALYZE "EarningRow", "FanLedgerSummary", "FanCohortHour", "TrackingLinkFan"`);
  const rows = await db.earningRow.count({ where: { creatorId: creator.id } });
  return { creator, rows, seconds: (Date.now() - t0) / 1000 };
}

async function time(fn: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** The triangle straight from the ledger's rows (what the view did before FanLedgerSummary): cohort:k → fans. */
async function rawTriangle(creatorId: string) {
  const rows = await db.$queryRawUnsafe<{ cohort: string; k: number; fans: bigint }[]>(
    `WITH pays AS (
       SELECT "fanUuid", date_trunc('month', ("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE $2)::date AS m
       FROM "EarningRow" WHERE "creatorId" = $1 AND "fanUuid" IS NOT NULL AND source IN ('subscription', 'renewal') AND gross > 0
       GROUP BY 1, 2),
     firsts AS (SELECT "fanUuid", min(m) AS cohort FROM pays GROUP BY 1)
     SELECT to_char(f.cohort, 'YYYY-MM') AS cohort,
            ((extract(year FROM p.m) - extract(year FROM f.cohort)) * 12 + extract(month FROM p.m) - extract(month FROM f.cohort))::int AS k,
            count(*)::bigint AS fans
     FROM pays p JOIN firsts f USING ("fanUuid") GROUP BY 1, 2`,
    creatorId,
    TZ,
  );
  return new Map(rows.map((r) => [`${r.cohort}:${r.k}`, Number(r.fans)]));
}

/** 30-day net per paying fan by first-payment month (fans more than 30 days in), straight from the ledger's rows: "YYYY-MM" → cents. */
async function rawCohortValue(creatorId: string) {
  const rows = await db.$queryRawUnsafe<{ m: string; v: number }[]>(
    `WITH f AS (SELECT "fanUuid", min("occurredAt") AS first FROM "EarningRow"
                WHERE "creatorId" = $1 AND "fanUuid" IS NOT NULL AND gross > 0 GROUP BY 1)
     SELECT to_char(date_trunc('month', (f.first AT TIME ZONE 'UTC') AT TIME ZONE $2), 'YYYY-MM') AS m,
            round(sum(e.net) / count(DISTINCT f."fanUuid"))::int AS v
     FROM f JOIN "EarningRow" e ON e."creatorId" = $1 AND e."fanUuid" = f."fanUuid"
       AND e."occurredAt" >= f.first AND e."occurredAt" < f.first + interval '30 days'
     GROUP BY 1
     -- A month's value is shown once every fan of it has lived 30 days (a closed cohort).
     HAVING bool_and(f.first < now() - interval '30 days')`,
    creatorId,
    TZ,
  );
  return new Map(rows.map((r) => [r.m, r.v]));
}

console.log("Growth");
const { creator, rows, seconds } = await seed();
row("ledger rows (100,000 fans, 2 years)", rows.toLocaleString(), `seeded in ${seconds.toFixed(1)} s`);
const q = retentionQuerySchema.parse({ months: 24, tz: TZ });
const retention = await time(() => getRetention([creator.id], q));
const raw = await time(() => rawTriangle(creator.id), 3);
const [ours, theirs] = [await getRetention([creator.id], q), await rawTriangle(creator.id)];
const same = ours.cohorts.every((c) => c.retained.every((n, k) => n === (theirs.get(`${c.month}:${k}`) ?? 0)));
row(
  "retention triangle, 24 months, p50 / p95",
  `${fmt(retention.p50)} / ${fmt(retention.p95)}`,
  `target p95 ≤ ${TARGET_P95_MS} ms`,
);
row("baseline: same triangle from the raw ledger, p50", fmt(raw.p50), same ? "equal triangles" : "TRIANGLES DIFFER");
const byMonth = cohortValueQuerySchema.parse({ months: 24, tz: TZ });
const byLink = cohortValueQuerySchema.parse({ months: 24, tz: TZ, by: "link" });
const months = await time(() => getCohortValue([creator.id], byMonth));
const links = await time(() => getCohortValue([creator.id], byLink));
const rawValue = await time(() => rawCohortValue(creator.id), 3);
row(
  "cohort value by month, 24 months, p50 / p95",
  `${fmt(months.p50)} / ${fmt(months.p95)}`,
  `target p95 ≤ ${TARGET_P95_MS} ms`,
);
row(
  "cohort value by tracking link (20), p50 / p95",
  `${fmt(links.p50)} / ${fmt(links.p95)}`,
  `target p95 ≤ ${TARGET_P95_MS} ms`,
);
const [valueOurs, valueRaw] = [await getCohortValue([creator.id], byMonth), await rawCohortValue(creator.id)];
const sameValue = valueOurs.cohorts.every((c) => (c.value[2] ?? undefined) === valueRaw.get(c.key));
row(
  "baseline: 30-day value by month from the raw ledger, p50",
  fmt(rawValue.p50),
  sameValue ? "equal values" : "VALUES DIFFER",
);
await bench.stop();
const ok = [retention, months, links].every((t) => t.p95 <= TARGET_P95_MS);
process.exit(ok && same && sameValue ? 0 : 1);
