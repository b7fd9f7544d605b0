// Team leaderboard benchmark (sales attribution): an agency of 20 members and
// 5 creators with one year of ledger (≥ 500,000 rows) and chat sends, seeded
// in bulk with SQL. Times the first full attribution (a one-off), then the
// leaderboard (getPerformance) as the owner and as a chatter, next to a
// baseline computed on the fly from the ledger and the sends (no
// SaleAttribution) in the same run. Target: 12-month leaderboard p95 ≤ 300 ms.
import { fmt, percentile, row, startBench } from "./harness";

const TARGET_P95_MS = 300;
const RUNS = 30;
const WARMUPS = 3;
const TZ = "America/New_York";
const CHAT_FANS = 8_000; // fans per creator a chatter writes to
const ALL_FANS = 30_000; // subscribers per creator (renewals, posts…)
const SENDS = 360_000;
const CAMPAIGNS = 60;

const bench = await startBench({ soloFans: 10, agencyFans: [1, 1, 1] });
const { db } = await import("@/lib/server/db");
const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");
const { getWorkspaceAccess } = await import("@/lib/server/workspaces/access");
const { getPerformance } = await import("@/lib/server/agency/performance");
const { attributePending } = await import("@/lib/server/agency/attribution");
const { resolveRange } = await import("@/lib/server/earnings/report");
const { performanceQuerySchema } = await import("@/lib/schemas/performance");

/** A deterministic pseudo-random non-negative int from a seed and a row number. */
const h = (seed: string, expr = "g") => `(hashtext('${seed}' || ${expr}) & 2147483647)`;
/** A fractional net (Fanvue's cut and fees leave 4 decimals) from a gross in cents. */
const net = (gross: string, seed: string) => `round(${gross} * 0.8 - ${h(seed)} % 9 * 0.0125, 4)`;

/** One agency workspace: 5 creators, 20 members (1 owner, 2 managers, 17 chatters). */
async function seedTeam() {
  const names = Array.from({ length: 20 }, (_, i) => (i === 0 ? "Owner" : i < 3 ? `Manager ${i}` : `Chatter ${i - 2}`));
  const users = [];
  for (const [i, name] of names.entries())
    users.push(await db.user.create({ data: { name, email: `member${i}@bench.test` } }));
  const conn = await saveConnectionTokens({
    userId: users[0]!.id,
    fanvueUserUuid: "bench-agency",
    tokens: { accessToken: "a", refreshToken: "r", expiresAt: new Date(Date.now() + 3_600_000), scope: "read:self" },
  });
  const ws = await db.workspace.create({ data: { connectionId: conn.id, kind: "agency", name: "Bench agency" } });
  await db.membership.createMany({
    data: users.map((u, i) => ({
      workspaceId: ws.id,
      userId: u.id,
      role: i === 0 ? ("owner" as const) : i < 3 ? ("manager" as const) : ("chatter" as const),
    })),
  });
  const creators = [];
  for (let k = 1; k <= 5; k++)
    creators.push(
      await db.creator.create({
        data: { workspaceId: ws.id, fanvueUuid: `creator-${k}`, handle: `creator${k}`, displayName: `Creator ${k}` },
      }),
    );
  return { users, ws, creators };
}

/** Sends by the 19 managers and chatters over the year (30 % PPVs, 2 % failed, 45 % first replies to a
 * waiting fan), and 60 mass messages. */
async function seedSends(creatorIds: string[], senders: { id: string; name: string | null }[], now: string) {
  const ids = senders.map((s) => s.id);
  const names = senders.map((s) => s.name ?? "");
  await db.$executeRawUnsafe(
    `INSERT INTO "ChatSend" (id, "creatorId", "fanUuid", "idempotencyKey", "requestHash", "mediaUuids", price, status,
       "messageUuid", "senderUserId", "senderName", "waitingSince", "attemptAt", attempts, "sentAt", "createdAt",
       "updatedAt")
     SELECT 'cs-' || g, ($1::text[])[1 + ${h("c")} % 5], 'fan-' || ${h("f")} % ${CHAT_FANS}, 'k-' || g, md5(g::text),
       '{}', CASE WHEN ${h("p")} % 100 < 30 THEN 500 + ${h("v")} % 20 * 250 END,
       CASE WHEN g % 50 = 0 THEN 'failed' ELSE 'sent' END, CASE WHEN g % 50 = 0 THEN NULL ELSE 'msg-' || g END,
       ($2::text[])[1 + w], ($3::text[])[1 + w],
       CASE WHEN ${h("r")} % 100 < 45 THEN t - make_interval(secs => ${h("rt")} % 7200) END, t, 1, CASE WHEN g % 50 = 0 THEN NULL ELSE t END, t, t
     FROM generate_series(1, ${SENDS}) g,
       LATERAL (SELECT $4::timestamp - make_interval(secs => ${h("t")} % 31536000) AS t,
                       ${h("u")} % ${ids.length} AS w) x`,
    creatorIds,
    ids,
    names,
    now,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "MassCampaign" (id, "creatorId", "idempotencyKey", "requestHash", "mediaUuids", price, included,
       excluded, status, "fanvueId", "recipientCount", "createdByUserId", "createdByName", "sentAt", "createdAt",
       "updatedAt")
     SELECT 'mc-' || g, ($1::text[])[1 + g % 5], 'mk-' || g, md5(g::text), '{}', 1000 + g % 4 * 500,
       '{"smart":["subscribers"]}', '{}', 'sent', 'mass-' || g, 5000, ($2::text[])[1 + g % 2],
       ($3::text[])[1 + g % 2], t, t, t
     FROM generate_series(1, ${CAMPAIGNS}) g,
       LATERAL (SELECT $4::timestamp - make_interval(secs => g * 31536000 / ${CAMPAIGNS + 1}) AS t) x`,
    creatorIds,
    ids,
    names,
    now,
  );
}

const LEDGER_COLUMNS = `INSERT INTO "EarningRow" (id, "creatorId", "dedupeKey", "occurredAt", gross, net, currency,
  source, "fanUuid", "messageUuid", "postUuid")`;

/** Chat sales tied to what was sent: PPV unlocks by message uuid, tips within 24 h of a send, mass unlocks. */
async function seedChatLedger(now: string) {
  await db.$executeRawUnsafe(
    `${LEDGER_COLUMNS}
     SELECT 'e-ppv-' || g, cs."creatorId", 'ppv:' || g, LEAST(cs."sentAt" + make_interval(secs => ${h("o")} % 172800),
       $1::timestamp), cs.price, ${net("cs.price", "n")}, 'USD', 'message', cs."fanUuid", cs."messageUuid", NULL
     FROM "ChatSend" cs, LATERAL (SELECT cs.id AS g) x
     WHERE cs.price IS NOT NULL AND cs.status = 'sent' AND ${h("unlock")} % 100 < 75`,
    now,
  );
  await db.$executeRawUnsafe(
    `${LEDGER_COLUMNS}
     SELECT 'e-tip-' || g, cs."creatorId", 'tip:' || g, LEAST(cs."sentAt" + make_interval(secs => ${h("o")} % 86000),
       $1::timestamp), gr, ${net("gr", "n")}, 'USD', 'tip', cs."fanUuid", NULL, NULL
     FROM "ChatSend" cs, LATERAL (SELECT cs.id AS g, 300 + ${h("tg", "cs.id")} % 30 * 100 AS gr) x
     WHERE cs.status = 'sent' AND ${h("tip")} % 1000 < 110`,
    now,
  );
  await db.$executeRawUnsafe(
    `${LEDGER_COLUMNS}
     SELECT 'e-mass-' || g, mc."creatorId", 'mass:' || g, LEAST(mc."sentAt" + make_interval(secs => ${h("o")} % 432000),
       $1::timestamp), mc.price, ${net("mc.price", "n")}, 'USD', 'message', 'fan-' || ${h("f")} % ${ALL_FANS},
       mc."fanvueId", NULL
     FROM generate_series(1, 18000) g JOIN "MassCampaign" mc ON mc.id = 'mc-' || (1 + g % ${CAMPAIGNS})`,
    now,
  );
}

/** The rest of a year: unlocks and tips Vuedeck did not send, subscriptions, renewals, posts, referrals. */
async function seedOtherLedger(creatorIds: string[], now: string) {
  const common = (key: string) =>
    `($1::text[])[1 + ${h("c")} % 5], '${key}:' || g, $2::timestamp - make_interval(secs => ${h("o")} % 31536000)`;
  await db.$executeRawUnsafe(
    `${LEDGER_COLUMNS}
     SELECT 'e-msg-' || g, ${common("msg")}, gr, ${net("gr", "n")}, 'USD', 'message',
       'fan-' || ${h("f")} % ${CHAT_FANS}, CASE WHEN g % 2 = 0 THEN 'gone-' || g END, NULL
     FROM generate_series(1, 34000) g, LATERAL (SELECT 500 + ${h("v")} % 20 * 250 AS gr) x`,
    creatorIds,
    now,
  );
  await db.$executeRawUnsafe(
    `${LEDGER_COLUMNS}
     SELECT 'e-otip-' || g, ${common("otip")}, gr, ${net("gr", "n")}, 'USD', 'tip',
       'fan-' || ${h("f")} % ${ALL_FANS}, NULL, CASE WHEN g % 2 = 0 THEN 'post-' || g % 900 END
     FROM generate_series(1, 39000) g, LATERAL (SELECT 200 + ${h("v")} % 50 * 100 AS gr) x`,
    creatorIds,
    now,
  );
  await db.$executeRawUnsafe(
    `${LEDGER_COLUMNS}
     SELECT 'e-' || g, ${common("other")}, gr, ${net("gr", "n")}, 'USD', src,
       'fan-' || ${h("f")} % ${ALL_FANS}, NULL, CASE WHEN src = 'post' THEN 'post-' || g % 900 END
     FROM generate_series(1, 311000) g,
       LATERAL (SELECT CASE WHEN ${h("s")} % 100 < 29 THEN 'subscription' WHEN ${h("s")} % 100 < 77 THEN 'renewal'
                            WHEN ${h("s")} % 100 < 95 THEN 'post' ELSE 'referral' END AS src,
                       999 + ${h("v")} % 4 * 500 AS gr) x`,
    creatorIds,
    now,
  );
}

type Timing = { p50: number; p95: number; max: number };
async function measure(fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUPS; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

/** Baseline: per-member PPV revenue straight from the ledger joined to the sends (no SaleAttribution). */
function onTheFly(ids: string[], start: Date, end: Date, onlyUserId: string | null) {
  return db.$queryRawUnsafe(
    `SELECT cs."senderUserId" AS "userId", round(sum(e.gross))::text AS gross, round(sum(e.net))::text AS net,
            count(*)::bigint AS sales
     FROM "EarningRow" e
     JOIN "ChatSend" cs ON cs."creatorId" = e."creatorId" AND cs."messageUuid" = e."messageUuid"
     WHERE e."creatorId" = ANY($1::text[]) AND e.source = 'message' AND e."occurredAt" >= $2 AND e."occurredAt" < $3
       AND ($4::text IS NULL OR cs."senderUserId" = $4::text)
     GROUP BY cs."senderUserId"`,
    ids,
    start,
    end,
    onlyUserId,
  );
}

const span = (t: Timing) => `${fmt(t.p50)} / ${fmt(t.p95)}`;

// ── Seed ─────────────────────────────────────────────────────────────────────
console.log("Team leaderboard (sales attribution)");
const now = new Date().toISOString().replace("Z", "");
const { users, ws, creators } = await seedTeam();
const creatorIds = creators.map((c) => c.id);
let t0 = performance.now();
await seedSends(creatorIds, users.slice(1), now);
await seedChatLedger(now);
await seedOtherLedger(creatorIds, now);
await db.$executeRawUnsafe(`VACUUM ANALYZE "ChatSend", "MassCampaign", "EarningRow"`);
const [counts] = await db.$queryRawUnsafe<{ rows: bigint; chat: bigint; matched: bigint; sends: bigint }[]>(
  `SELECT count(*) AS rows, count(*) FILTER (WHERE source IN ('message', 'tip')) AS chat,
          count(*) FILTER (WHERE id LIKE 'e-ppv-%') AS matched, (SELECT count(*) FROM "ChatSend") AS sends
   FROM "EarningRow"`,
);
const msgRows = await db.earningRow.count({ where: { source: "message" } });
row(
  "ledger rows (5 creators, 1 year)",
  Number(counts!.rows).toLocaleString(),
  `seeded in ${fmt(performance.now() - t0)}`,
);
row("  message + tip rows", `${((Number(counts!.chat) / Number(counts!.rows)) * 100).toFixed(1)} %`);
row("  message rows matching a send's messageUuid", `${((Number(counts!.matched) / msgRows) * 100).toFixed(1)} %`);
row("chat sends (20 members)", Number(counts!.sends).toLocaleString());
if (Number(counts!.rows) < 500_000) throw new Error("fewer than 500,000 ledger rows seeded");

// ── First full attribution (one-off) ────────────────────────────────────────
let attributed = 0;
t0 = performance.now();
for (const c of creators) {
  const t = performance.now();
  const n = await attributePending(c.id);
  attributed += n;
  row(`attributePending(${c.handle}), first full year`, fmt(performance.now() - t), `${n.toLocaleString()} rows`);
}
row("attribution, all 5 creators", fmt(performance.now() - t0), `${attributed.toLocaleString()} rows (one-off)`);
const rules = await db.saleAttribution.groupBy({ by: ["rule"], _count: true, orderBy: { rule: "asc" } });
row("  by rule", rules.map((r) => `${r.rule} ${r._count.toLocaleString()}`).join(", "));
// What autovacuum does after a bulk load (the rollups were written by triggers).
await db.$executeRawUnsafe(
  `VACUUM ANALYZE "SaleAttribution", "ChatSend", "PerformanceDay", "MemberFanDays", "FanPairEnds", "FanPairGap"`,
);

// ── Leaderboard vs on-the-fly baseline ───────────────────────────────────────
const owner = users[0]!;
const chatter = users[3]!;
let pass = true;
for (const range of ["12m", "30d", "today"] as const) {
  for (const [who, user] of [
    ["owner", owner],
    ["chatter", chatter],
  ] as const) {
    const access = (await getWorkspaceAccess(user.id, ws.id))!;
    const q = performanceQuerySchema.parse({ range, tz: TZ });
    const r = await resolveRange({ ...q, granularity: "day", sources: [] }, creatorIds);
    const only = who === "owner" ? null : user.id;
    const lb = await measure(() => getPerformance(access, user.id, q));
    const base = await measure(() => onTheFly(creatorIds, new Date(r.startMs), new Date(r.endMs), only));
    const verdict = range === "12m" ? (lb.p95 <= TARGET_P95_MS ? "PASS" : "FAIL") : "";
    if (verdict === "FAIL") pass = false;
    row(`leaderboard ${range}, ${who}: p50 / p95`, span(lb), `max ${fmt(lb.max)} ${verdict}`);
    row(
      `  baseline on the fly: p50 / p95`,
      span(base),
      `max ${fmt(base.max)}; ratio p95 ${(lb.p95 / base.p95).toFixed(2)}×`,
    );
  }
}
row("target: 12m leaderboard p95", `≤ ${TARGET_P95_MS} ms`, pass ? "PASS" : "FAIL");
await bench.stop();
process.exit(pass ? 0 : 1);
