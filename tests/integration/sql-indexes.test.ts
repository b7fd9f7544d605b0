import { afterAll, describe, expect, it, vi } from "vitest";
import { seedFanAudience, seededFanUuid } from "../support/fan-audience-seed";
import { creatorWorkspace } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";

// The fans pages cost the same at any audience size only while their ledger
// reads go through an index (issue 23: 2 s a request at 100,000 fans when
// lower("fanUuid") had none). The raw SQL the fans table and the fan panel
// really run is captured and EXPLAINed on a seeded creator: every read of
// EarningRow must be an index lookup by fan, never a scan of the ledger.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { Prisma } = await import("@/generated/prisma/client");
const { listFans } = await import("@/lib/server/fans/table");
const { getFanPanel } = await import("@/lib/server/fans/panel");
const { fansQuerySchema } = await import("@/lib/schemas/fans");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const luna = await creatorWorkspace(sb, "luna");
const creatorId = luna.creator.id;
// Big enough that a scan is the planner's choice when no index fits.
const FANS = 4_000;
await seedFanAudience(db, creatorId, FANS, 3);
await db.$executeRaw`ANALYZE`;

type Sql = InstanceType<typeof Prisma.Sql>;
type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
};
type Tx = Pick<typeof db, "$queryRawUnsafe">;

/** Every raw query `run` sends that reads `table`. */
async function queriesOn(table: string, run: () => Promise<unknown>): Promise<Sql[]> {
  const spy = vi.spyOn(db, "$queryRaw");
  try {
    await run();
    const sent = spy.mock.calls.map(([first, ...values]) =>
      first instanceof Prisma.Sql ? first : new Prisma.Sql(first as readonly string[], values),
    );
    return sent.filter((q) => new RegExp(`(FROM|JOIN)\\s+"${table}"`).test(q.text));
  } finally {
    spy.mockRestore();
  }
}
const ledgerQueries = (run: () => Promise<unknown>) => queriesOn("EarningRow", run);

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

async function planOf(q: Sql, tx: Tx = db): Promise<PlanNode[]> {
  const [row] = await tx.$queryRawUnsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
    `EXPLAIN (FORMAT JSON) ${q.text}`,
    ...q.values,
  );
  return nodes(row!["QUERY PLAN"][0]!.Plan);
}

/** How the planner reads EarningRow for `q`: one line per scan. */
async function ledgerScans(q: Sql, tx: Tx = db): Promise<string[]> {
  return (await planOf(q, tx))
    .filter((n) => n["Relation Name"] === "EarningRow")
    .map((n) => `${n["Node Type"]} ${n["Index Name"] ?? ""} ${n["Index Cond"] ?? ""}`.trim());
}

/** A scan that finds a fan's rows through an index on the fan id. */
const BY_FAN = /^(Index|Index Only|Bitmap Index) Scan EarningRow_creatorId_\w*fanUuid_idx .*fanUuid/;

async function expectIndexed(run: () => Promise<unknown>) {
  const queries = await ledgerQueries(run);
  expect(queries.length).toBeGreaterThan(0);
  for (const q of queries) {
    const scans = await ledgerScans(q);
    expect(scans.length).toBeGreaterThan(0);
    for (const s of scans) expect(s).not.toMatch(/^Seq Scan/);
    // A bitmap heap scan is fed by its index scan, checked on its own line.
    for (const s of scans.filter((x) => !x.startsWith("Bitmap Heap"))) expect(s).toMatch(BY_FAN);
  }
}

describe("the fans pages read the ledger by index", () => {
  it("the fans table's page of ledger figures", async () => {
    await expectIndexed(() => listFans(luna.access, fansQuerySchema.parse({}), luna.user));
    await expectIndexed(() => listFans(luna.access, fansQuerySchema.parse({ sort: "spend", size: "50" }), luna.user));
    await expectIndexed(() => listFans(luna.access, fansQuerySchema.parse({ search: "fan12" }), luna.user));
  });

  it("the fan panel", async () => {
    await expectIndexed(() => getFanPanel(luna.access, seededFanUuid(creatorId, 7), luna.user));
  });

  it("sums a fan's rows whatever the case of the stored id", async () => {
    const fan = seededFanUuid(creatorId, 11);
    await db.earningRow.create({
      data: {
        creatorId,
        dedupeKey: "upper",
        occurredAt: new Date("2026-11-01T00:00:00Z"),
        gross: "1000",
        net: "800",
        currency: "USD",
        source: "tip",
        fanUuid: fan.toUpperCase(),
      },
    });
    const [expected] = await db.$queryRaw<{ gross: number }[]>`
      SELECT sum(gross)::int AS gross FROM "EarningRow" WHERE "creatorId" = ${creatorId} AND lower("fanUuid") = ${fan}`;
    const panel = await getFanPanel(luna.access, fan, luna.user);
    expect(panel.ledger).toMatchObject({ gross: expected!.gross, payments: 4 });
  });

  it("fails without the index (the check above can fail)", async () => {
    const [q] = await ledgerQueries(() => getFanPanel(luna.access, seededFanUuid(creatorId, 7), luna.user));
    const scans = await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`DROP INDEX "EarningRow_creatorId_lower_fanUuid_idx"`;
        throw new Rollback(await ledgerScans(q!, tx));
      })
      .catch((e: unknown) => (e instanceof Rollback ? e.scans : Promise.reject(e)));
    expect(scans.some((s) => BY_FAN.test(s))).toBe(false);
    // The index is back for everyone else.
    await expectIndexed(() => getFanPanel(luna.access, seededFanUuid(creatorId, 7), luna.user));
  });
});

describe("the fans table reads one page of the roster, whatever its size", () => {
  const views = [
    {},
    { page: "3" },
    { list: "all" },
    { sort: "name" },
    { sort: "name", dir: "desc" },
    { sort: "spend" },
  ];
  for (const view of views)
    it(`${JSON.stringify(view)}: by index, no sort of the roster, no count of it`, async () => {
      const queries = await queriesOn("AudienceFan", () =>
        listFans(luna.access, fansQuerySchema.parse(view), luna.user),
      );
      expect(queries.length).toBeGreaterThan(0);
      for (const q of queries) {
        // The totals come from AudienceListCount (kept by triggers).
        expect(q.text).not.toMatch(/count\(/i);
        const plan = await planOf(q);
        const fanScans = plan.filter(
          (n) => n["Relation Name"] === "AudienceFan" || n["Relation Name"] === "FanInsight",
        );
        expect(fanScans.length).toBeGreaterThan(0);
        for (const n of fanScans) expect(n["Node Type"]).not.toBe("Seq Scan");
        // A full sort would read every fan first; an incremental one sorts ties only.
        expect(plan.map((n) => n["Node Type"])).not.toContain("Sort");
      }
    });
});

class Rollback extends Error {
  constructor(readonly scans: string[]) {
    super("rollback");
  }
}
