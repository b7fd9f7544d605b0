import { afterAll, afterEach, describe, expect, it } from "vitest";
import { insightStatus, lifetimeGross } from "@/sandbox/world/queries";
import { creatorWorkspace } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";

// Whole-audience analysis: the roster job lists every fan (a full roster
// sync) and, alongside, fetches every fan's insights in batches of 100; then
// sorting, segments and the forecast cover everyone. (The roster sync's own
// resume after a crash: fans-roster.test.ts.)
const sb = await startTestSandbox({ soloFans: 600 });
const { db } = await import("@/lib/server/db");
const { startWorker } = await import("@/lib/server/jobs/worker");
const { InsightLoader } = await import("@/lib/server/fans/insights/insight-loader");
const { startAnalysis, getAnalysis } = await import("@/lib/server/fans/analysis/analysis");
const { listFans } = await import("@/lib/server/fans/table");
const { getForecast } = await import("@/lib/server/fans/forecast");
const { fansQuerySchema } = await import("@/lib/schemas/fans");

// Retries of `internal` answers 200 ms apart instead of 30 s (same code path).
(globalThis as { fanInsightLoader?: unknown }).fanInsightLoader = new InsightLoader({
  errorRetryMs: 200,
  errorRetryMaxMs: 400,
  leaseMs: 1_500,
});

const { access, user } = await creatorWorkspace(sb, "luna");
const world = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!;
const subscribers = world.relations.filter((r) => r.status === "subscriber").length;
const followers = world.fans.length - subscribers;
const callsTo = async (path: string) =>
  ((await sb.admin(`/calls?summary=1&path=${encodeURIComponent(path)}`)) as { total: number }).total;

let worker: ReturnType<typeof startWorker> | null = null;
const run = () => (worker = startWorker({ queues: ["fans.roster"], pollMs: 50, leaseMs: 1_500 }));
afterEach(async () => {
  await worker?.stop();
  worker = null;
  await sb.admin("/faults", undefined, "DELETE");
  await sb.admin("/insights/internal", undefined, "DELETE");
  await sb.admin("/calls", undefined, "DELETE");
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const waitDone = () =>
  expect.poll(async () => (await getAnalysis(access)).status, { timeout: 30_000, interval: 100 }).toBe("done");

/** The run's calls to Fanvue: one insight batch per 100 fans, each list read
 * about once (by page and size only), and its progress says so. */
async function expectEveryFanFetchedOnce() {
  expect(await callsTo("/insights/fans/batch")).toBe(Math.ceil(world.fans.length / 100));
  // 3 pages at a time: at most 2 requested past the end of each list.
  expect(await callsTo("/subscribers")).toBeGreaterThanOrEqual(Math.ceil(subscribers / 50));
  expect(await callsTo("/subscribers")).toBeLessThanOrEqual(Math.ceil(subscribers / 50) + 2);
  expect(await callsTo("/followers")).toBeLessThanOrEqual(Math.ceil(followers / 50) + 2);
  const a = await getAnalysis(access);
  expect(a).toMatchObject({ listed: world.fans.length, insightsDone: world.fans.length, errors: 0, etaSec: null });
  // Fanvue's lists were asked for page and size only.
  for (const path of ["/subscribers", "/followers"]) {
    const log = (await sb.admin(`/calls?path=${encodeURIComponent(path)}`)) as {
      calls: { query: Record<string, string> }[];
    };
    expect(new Set(log.calls.flatMap((c) => Object.keys(c.query))), path).toEqual(new Set(["page", "size"]));
  }
}

/** The forecast (UTC) counts every active subscription renewing in the next 30 days. */
async function expectForecastOfEveryRenewal() {
  const f = await getForecast(access, { tz: "UTC", days: 30 });
  const start = new Date(new Date().toISOString().slice(0, 10)).getTime();
  const inWindow = world.relations.filter(
    (r) => insightStatus(r) === "subscriber" && r.renewsAt! >= start && r.renewsAt! < start + 30 * 86_400_000,
  );
  expect(f.days.reduce((s, d) => s + d.count, 0)).toBe(inWindow.filter((r) => r.autoRenew).length);
  expect(f.days.reduce((s, d) => s + d.atRiskCount, 0)).toBe(inWindow.filter((r) => !r.autoRenew).length);
  // The sandbox charges one price per creator: the estimate must find it.
  expect(f.renewalPrice).toBe(world.subscriptionPrice);
  expect(f.priceSource).toBe("estimate");
}

describe("whole-audience analysis", () => {
  it("fetches every fan's insights in ceil(N/100) batch calls; sorting, segments and the forecast then cover everyone", async () => {
    const q = (extra: Record<string, unknown>) => fansQuerySchema.parse({ list: "all", size: 50, ...extra });
    const before = await listFans(access, q({ sort: "spend" }), user);
    expect(before.coverage.complete).toBe(false);
    expect(before.partialColumns).toContain("spend");

    // The first look at the fans started the roster's first sync; the run follows it.
    const first = await db.fanRoster.findUniqueOrThrow({ where: { creatorId: access.creator.id } });
    expect(first).toMatchObject({ status: "running", reason: "first" });
    expect(await startAnalysis(access)).toMatchObject({
      status: expect.stringMatching(/queued|running/),
      phase: "listing",
    });
    expect((await db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: access.creator.id } })).rosterRunId).toBe(
      first.runId,
    );
    run();
    await waitDone();
    expect(await db.fanRoster.findUniqueOrThrow({ where: { creatorId: access.creator.id } })).toMatchObject({
      status: "done",
      listed: world.fans.length,
    });
    await expectEveryFanFetchedOnce();

    // Sorted by spend over the whole audience: the top fan is Fanvue's top fan.
    const gross = lifetimeGross(world);
    const max = Math.max(...gross);
    const page = await listFans(access, q({ sort: "spend" }), user);
    expect(page.mode).toBe("roster");
    expect(page.total).toBe(world.fans.length);
    expect(page.coverage.complete).toBe(true);
    expect(page.partialColumns).toEqual([]);
    expect(page.rows[0]!.insight.data!.totalGross).toBe(max);

    // Segment: auto-renew off = active subscribers without auto-renew.
    const autoOff = world.relations.filter((r) => insightStatus(r) === "subscriber" && !r.autoRenew).length;
    expect((await listFans(access, q({ segment: "auto_renew_off" }), user)).total).toBe(autoOff);
    // Spent more than $50.
    const over50 = [...gross].filter((g) => g > 5000).length;
    expect((await listFans(access, q({ segment: "spent_over", "seg.amount": "5000" }), user)).total).toBe(over50);

    await expectForecastOfEveryRenewal();
  });

  it("fans Fanvue answers `internal` for are retried after the main pass; the others are done once", async () => {
    // Re-fetch everything: the cache is older than its freshness now.
    await db.fanInsight.updateMany({
      where: { creatorId: access.creator.id },
      data: { fetchedAt: new Date(Date.now() - 3_600_000) },
    });
    const failing = world.fans
      .slice(0, 600)
      .filter((_, i) => i % 50 === 7)
      .map((f) => f.uuid);
    // Fails them on the first batch request only.
    await sb.admin("/insights/internal", { uuids: failing, times: 1 });
    // Answers go stale at once: "analysed" must still count every fan the run answered.
    (globalThis as { fanInsightLoader?: unknown }).fanInsightLoader = new InsightLoader({
      errorRetryMs: 200,
      errorRetryMaxMs: 400,
      leaseMs: 1_500,
      freshMs: 1,
    });
    // The roster was synced minutes ago: the run analyses it as it is.
    expect((await startAnalysis(access)).phase).toBe("insights");
    run();
    await waitDone();
    expect(await callsTo("/followers")).toBe(0);
    const a = await getAnalysis(access);
    expect(a.errors).toBe(0);
    expect(a.insightsDone).toBe(world.fans.length);
    // 6 batches for everyone, then 1 retry batch for the failed fans.
    expect(await callsTo("/insights/fans/batch")).toBe(Math.ceil(world.fans.length / 100) + 1);
    const rows = await db.fanInsight.findMany({ where: { creatorId: access.creator.id, fanUuid: { in: failing } } });
    expect(rows.every((r) => r.state === "ok" && r.errorCount === 0)).toBe(true);
  });
});
