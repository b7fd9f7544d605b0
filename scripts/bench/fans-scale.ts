// Fans at any audience size (issue 23): the fans table API (list, search,
// sort, as the page calls it) and the fan panel API for a creator with 1,000
// fans and one with 100,000 (each with 3 ledger rows per fan), interleaved so
// drift and other load hit both alike, next to a baseline in the same run: a
// bare indexed SELECT of one roster page. Exits non-zero when a case at 100k
// costs more than 1.5× the same case at 1k (p50).
// The handlers are called in process, exactly as the routes call them (the
// query parsed with the contract's schema): route overhead (session, access)
// does not depend on the audience and would only dilute the ratio.
// Run: node --conditions=react-server --import tsx scripts/bench/fans-scale.ts [--samples 60] [--small 1000] [--large 100000]
import { parseArgs } from "node:util";
import { authorize } from "../../sandbox/testing";
import { fmt, percentile, row, startBench } from "./harness";

const { values: args } = parseArgs({
  options: {
    samples: { type: "string", default: "60" },
    small: { type: "string", default: "1000" },
    large: { type: "string", default: "100000" },
  },
});
const SAMPLES = Number(args.samples);
const SIZES = [Number(args.small), Number(args.large)] as const;
// The done-when of issue 23: the same page at 100× the audience within 1.5×.
const MAX_RATIO = 1.5;
const LEDGER_ROWS_PER_FAN = 3;

const bench = await startBench();
const { db } = await import("@/lib/server/db");
const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const { listFans } = await import("@/lib/server/fans/table");
const { getFanPanel } = await import("@/lib/server/fans/panel");
const { fansQuerySchema } = await import("@/lib/schemas/fans");
const { seedFanAudience, seededFanUuid } = await import("../../tests/support/fan-audience-seed");

const client = {
  clientId: "bench",
  clientSecret: "bench-secret",
  redirectUri: "http://localhost:3999/api/auth/callback/fanvue",
};
const user = await db.user.create({ data: { name: "Luna", handle: "luna" } });

/** A self creator (its own workspace and connection, luna's tokens) with `n` seeded fans. */
async function creatorWith(n: number) {
  const { tokens } = await authorize(bench.sb.url, client, "luna");
  const conn = await saveConnectionTokens({
    userId: user.id,
    fanvueUserUuid: `bench-${n}`,
    tokens: {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      expiresAt: new Date(Date.now() + 3_600_000),
      scope: tokens.scope,
    },
  });
  const ws = await db.workspace.create({ data: { connectionId: conn.id, kind: "creator", name: `luna ${n}` } });
  await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "owner" } });
  const creator = await db.creator.create({
    data: { workspaceId: ws.id, fanvueUuid: `bench-${n}`, handle: `luna${n}`, displayName: "Luna" },
  });
  const t = performance.now();
  await seedFanAudience(db, creator.id, n, LEDGER_ROWS_PER_FAN);
  console.log(`  seeded ${n.toLocaleString()} fans in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { n, access: (await getCreatorAccess(user.id, creator.id))!, creatorId: creator.id };
}

console.log(
  `Fans at ${SIZES.map((n) => n.toLocaleString()).join(" vs ")} fans (${LEDGER_ROWS_PER_FAN} ledger rows a fan), ${SAMPLES} samples each`,
);
const creators = [await creatorWith(SIZES[0]), await creatorWith(SIZES[1])];
// As autovacuum leaves a table after a bulk load (visibility map set, statistics).
await db.$executeRaw`VACUUM ANALYZE`;

type Creator = (typeof creators)[number];
const who = { id: user.id, name: user.name! };
let turn = 0;
// A different fan (and search term) each time: no plan or page stays hot by luck.
const fanOf = (c: Creator) => (turn * 7919) % c.n;

const cases: [string, (c: Creator) => Promise<unknown>][] = [
  [
    "baseline: bare indexed SELECT of one roster page",
    (c) => db.$queryRaw`
      SELECT * FROM "AudienceFan" WHERE "creatorId" = ${c.creatorId} AND list = 'subscribers'
      ORDER BY "listOrder" LIMIT 25`,
  ],
  ["fans list, as the page opens (subscribers, recent)", (c) => listFans(c.access, fansQuerySchema.parse({}), who)],
  ["fans list, page 3", (c) => listFans(c.access, fansQuerySchema.parse({ page: "3" }), who)],
  ["fans list, all fans", (c) => listFans(c.access, fansQuerySchema.parse({ list: "all" }), who)],
  ["fans list, search a handle", (c) => listFans(c.access, fansQuerySchema.parse({ search: `@fan${fanOf(c)}` }), who)],
  ["fans list, sorted by spend", (c) => listFans(c.access, fansQuerySchema.parse({ sort: "spend" }), who)],
  ["fans list, sorted by name", (c) => listFans(c.access, fansQuerySchema.parse({ sort: "name" }), who)],
  ["fan panel", (c) => getFanPanel(c.access, seededFanUuid(c.creatorId, fanOf(c)), who)],
];

const times = cases.map(() => creators.map(() => [] as number[]));
for (let i = -5; i < SAMPLES; i++, turn++) {
  for (const [k, [, run]] of cases.entries())
    for (const [j, c] of creators.entries()) {
      const t = performance.now();
      await run(c);
      // The first rounds warm both up (JIT, connections, plans).
      if (i >= 0) times[k]![j]!.push(performance.now() - t);
    }
}

let failed = 0;
for (const [k, [label]] of cases.entries()) {
  const [small, large] = times[k]!.map((t) => ({ p50: percentile(t, 50), p95: percentile(t, 95) }));
  const ratio = large!.p50 / small!.p50;
  const over = k > 0 && ratio > MAX_RATIO;
  if (over) failed++;
  row(`${label}, p50`, `${fmt(small!.p50)} → ${fmt(large!.p50)}`, `${ratio.toFixed(2)}×${over ? "  ← OVER 1.5×" : ""}`);
  row("  p95", `${fmt(small!.p95)} → ${fmt(large!.p95)}`);
}
row(
  `target: every case at ${SIZES[1]!.toLocaleString()} ≤ ${MAX_RATIO}× at ${SIZES[0]!.toLocaleString()}`,
  failed ? "FAIL" : "ok",
);
await bench.stop();
process.exit(failed ? 1 : 0);
