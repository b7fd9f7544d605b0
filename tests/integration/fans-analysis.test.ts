import { spawn } from "node:child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { insightStatus, lifetimeGross } from "@/sandbox/world/queries";
import { creatorWorkspace } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";

// Whole-audience analysis: a background job that lists every fan and fetches
// every fan's insights in batches of 100, resumable after a restart; then
// sorting, segments and the forecast cover everyone.
const sb = await startTestSandbox({ soloFans: 600 });
const { db } = await import("@/lib/server/db");
const { startWorker } = await import("@/lib/server/jobs/worker");
await import("@/lib/server/fans/analysis-job");
const { InsightLoader } = await import("@/lib/server/fans/insight-loader");
const { startAnalysis, getAnalysis } = await import("@/lib/server/fans/analysis");
const { listFans } = await import("@/lib/server/fans/table");
const { getForecast } = await import("@/lib/server/fans/forecast");
const { fansQuerySchema } = await import("@/lib/schemas/fans");

// Retries of `internal` answers 200 ms apart instead of 30 s (same code path).
(globalThis as { fanInsightLoader?: unknown }).fanInsightLoader = new InsightLoader({ errorRetryMs: 200, errorRetryMaxMs: 400, leaseMs: 1_500 });

const { access, user } = await creatorWorkspace(sb, "luna");
const world = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!;
const subscribers = world.relations.filter((r) => r.status === "subscriber").length;
const followers = world.fans.length - subscribers;
const callsTo = async (path: string) => ((await sb.admin(`/calls?summary=1&path=${encodeURIComponent(path)}`)) as { total: number }).total;

let worker: ReturnType<typeof startWorker> | null = null;
const run = () => (worker = startWorker({ queues: ["fans.analyse"], pollMs: 50, leaseMs: 1_500 }));
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

describe("whole-audience analysis", () => {
  it("fetches every fan's insights in ceil(N/100) batch calls; sorting, segments and the forecast then cover everyone", async () => {
    const q = (extra: Record<string, unknown>) => fansQuerySchema.parse({ list: "all", size: 50, ...extra });
    const before = await listFans(access, q({ sort: "spend" }), user);
    expect(before.coverage.complete).toBe(false);
    expect(before.partialColumns).toContain("spend");

    expect((await startAnalysis(access)).status).toMatch(/queued|running/);
    run();
    await waitDone();
    expect(await callsTo("/insights/fans/batch")).toBe(Math.ceil(world.fans.length / 100));
    // 3 pages at a time: at most 2 requested past the end of each list.
    expect(await callsTo("/subscribers")).toBeGreaterThanOrEqual(Math.ceil(subscribers / 50));
    expect(await callsTo("/subscribers")).toBeLessThanOrEqual(Math.ceil(subscribers / 50) + 2);
    expect(await callsTo("/followers")).toBeLessThanOrEqual(Math.ceil(followers / 50) + 2);
    const a = await getAnalysis(access);
    expect(a).toMatchObject({ listed: world.fans.length, insightsDone: world.fans.length, errors: 0, etaSec: null });

    // Sorted by spend over the whole audience: the top fan is Fanvue's top fan.
    const gross = lifetimeGross(world);
    const max = Math.max(...gross);
    const page = await listFans(access, q({ sort: "spend" }), user);
    expect(page.mode).toBe("analysed");
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

    // Forecast (UTC): every active subscription renewing in the next 30 days.
    const f = await getForecast(access, { tz: "UTC", days: 30 });
    const start = new Date(new Date().toISOString().slice(0, 10)).getTime();
    const inWindow = world.relations.filter((r) => insightStatus(r) === "subscriber" && r.renewsAt! >= start && r.renewsAt! < start + 30 * 86_400_000);
    expect(f.days.reduce((s, d) => s + d.count, 0)).toBe(inWindow.filter((r) => r.autoRenew).length);
    expect(f.days.reduce((s, d) => s + d.atRiskCount, 0)).toBe(inWindow.filter((r) => !r.autoRenew).length);
    // The sandbox charges one price per creator: the estimate must find it.
    expect(f.renewalPrice).toBe(world.subscriptionPrice);
    expect(f.priceSource).toBe("estimate");
  });

  it("resumes after a restart from its checkpoint, without re-listing finished pages", async () => {
    // Slow lists so the run can be interrupted mid-way.
    await sb.admin("/faults", { path: "/followers", latencyMs: 150 });
    await startAnalysis(access);
    // Another server process runs the job, and crashes (SIGKILL) mid-run.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/analysis-worker.ts", "1500"], { env: process.env, stdio: "ignore" });
    await expect.poll(async () => (await db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: access.creator.id } })).followersPage, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(4);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const checkpoint = await db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: access.creator.id } });
    expect(checkpoint.status).toBe("running");
    run();
    await waitDone();
    // Each follower page was fetched once, plus at most the 3 in flight at the
    // crash and the 2 past the end of the list (3 pages are fetched at once).
    const followerPages = Math.ceil(followers / 50);
    expect(await callsTo("/followers")).toBeGreaterThanOrEqual(followerPages);
    expect(await callsTo("/followers")).toBeLessThanOrEqual(followerPages + 5);
    expect(await callsTo("/subscribers")).toBeLessThanOrEqual(Math.ceil(subscribers / 50) + 2);
    expect((await getAnalysis(access)).listed).toBeGreaterThanOrEqual(world.fans.length);
    expect(await db.audienceFan.count({ where: { creatorId: access.creator.id } })).toBe(world.fans.length);
  });

  it("fans Fanvue answers `internal` for are retried after the main pass; the others are done once", async () => {
    // Re-fetch everything: the cache is older than its freshness now.
    await db.fanInsight.updateMany({ where: { creatorId: access.creator.id }, data: { fetchedAt: new Date(Date.now() - 3_600_000) } });
    const failing = world.fans.slice(0, 600).filter((_, i) => i % 50 === 7).map((f) => f.uuid);
    // Fails them on the first batch request only.
    await sb.admin("/insights/internal", { uuids: failing, times: 1 });
    // Answers go stale at once: "analysed" must still count every fan the run answered.
    (globalThis as { fanInsightLoader?: unknown }).fanInsightLoader = new InsightLoader({ errorRetryMs: 200, errorRetryMaxMs: 400, leaseMs: 1_500, freshMs: 1 });
    await startAnalysis(access);
    run();
    await waitDone();
    const a = await getAnalysis(access);
    expect(a.errors).toBe(0);
    expect(a.insightsDone).toBe(world.fans.length);
    // 6 batches for everyone, then 1 retry batch for the failed fans.
    expect(await callsTo("/insights/fans/batch")).toBe(Math.ceil(world.fans.length / 100) + 1);
    const rows = await db.fanInsight.findMany({ where: { creatorId: access.creator.id, fanUuid: { in: failing } } });
    expect(rows.every((r) => r.state === "ok" && r.errorCount === 0)).toBe(true);
  });
});
