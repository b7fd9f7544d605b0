import { afterAll, afterEach, describe, expect, it } from "vitest";
import { creatorWorkspace } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";

// "Analyse all" clicked twice at once makes one run, and a run that nothing
// works on any more is marked failed (so it can be started again) instead of
// saying "running" for ever.
const sb = await startTestSandbox({ soloFans: 150 });
const { db } = await import("@/lib/server/db");
const { startWorker } = await import("@/lib/server/jobs/worker");
const { InsightLoader } = await import("@/lib/server/fans/insights/insight-loader");
const { startAnalysis, getAnalysis } = await import("@/lib/server/fans/analysis/analysis");
const { rosterKey } = await import("@/lib/server/fans/roster/roster-sync");

(globalThis as { fanInsightLoader?: unknown }).fanInsightLoader = new InsightLoader({
  errorRetryMs: 200,
  errorRetryMaxMs: 400,
  leaseMs: 1_500,
});

const { access } = await creatorWorkspace(sb, "luna");
const creatorId = access.creator.id;
const lunaFans = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!.fans.length;

// Every run id ever written to the creator's analysis row.
await db.$executeRawUnsafe(`CREATE TABLE analysis_runs ("runId" text NOT NULL)`);
await db.$executeRawUnsafe(
  `CREATE FUNCTION log_analysis_run() RETURNS trigger AS $$ BEGIN INSERT INTO analysis_runs VALUES (NEW."runId"); RETURN NEW; END $$ LANGUAGE plpgsql`,
);
await db.$executeRawUnsafe(
  `CREATE TRIGGER log_analysis_run AFTER INSERT OR UPDATE OF "runId" ON "AudienceAnalysis" FOR EACH ROW EXECUTE FUNCTION log_analysis_run()`,
);
const runIdsWritten = async () =>
  (await db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(DISTINCT "runId") AS n FROM analysis_runs`)[0]!.n;

let worker: ReturnType<typeof startWorker> | null = null;
const run = () => (worker = startWorker({ queues: ["fans.roster"], pollMs: 50, leaseMs: 1_500 }));
afterEach(async () => {
  await worker?.stop();
  worker = null;
  // Each test starts from no job and no logged run ids.
  await db.job.deleteMany({ where: { key: rosterKey(creatorId) } });
  await db.$executeRawUnsafe(`DELETE FROM analysis_runs`);
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const waitDone = () =>
  expect.poll(async () => (await getAnalysis(access)).status, { timeout: 30_000, interval: 100 }).toBe("done");
/** The state a lost run was left in: running, last touched `minutesAgo`. */
const strand = (runId: string, minutesAgo: number) =>
  db.$executeRaw`UPDATE "AudienceAnalysis" SET status = 'running', "runId" = ${runId}, "finishedAt" = NULL, "lastError" = NULL, "updatedAt" = now() - ${minutesAgo} * interval '1 minute' WHERE "creatorId" = ${creatorId}`;

describe("starting the whole-audience analysis", () => {
  it("five concurrent starts make one run, which every caller sees and which finishes", async () => {
    const views = await Promise.all(Array.from({ length: 5 }, () => startAnalysis(access)));
    expect(await runIdsWritten()).toBe(1n);
    expect(new Set(views.map((v) => v.startedAt)).size).toBe(1);
    for (const v of views) expect(v.status).toMatch(/queued|running/);
    run();
    await waitDone();
    expect((await getAnalysis(access)).insightsDone).toBe(lunaFans);
  });

  it("a running run whose job is gone is marked failed when read, and a new start runs to the end", async () => {
    // Just written (a start between writing the run and queueing its job): left alone.
    await strand("just-started", 0);
    expect((await getAnalysis(access)).status).toBe("running");
    // The job ended long ago without finishing the run (as two racing starts left it).
    await strand("orphaned", 5);
    const seen = await getAnalysis(access);
    expect(seen).toMatchObject({
      status: "failed",
      lastError: expect.stringMatching(/^its background job ended before it was done\. Start it again/),
    });
    expect(seen.finishedAt).not.toBeNull();

    expect((await startAnalysis(access)).status).toMatch(/queued|running/);
    run();
    await waitDone();
  });

  it("the periodic sweep fails a run whose job runs but makes no progress, frees the job, and a new start runs to the end", async () => {
    // A job a worker claimed and still heartbeats, but that has not moved the run for 20 minutes.
    const stuck = await db.job.create({
      data: {
        queue: "fans.roster",
        key: rosterKey(creatorId),
        payload: { creatorId },
        status: "running",
        lockedBy: "w-hung",
        leaseUntil: new Date(Date.now() + 3_600_000),
        attempts: 1,
      },
    });
    await strand("stuck", 20);
    // Read within the bound: still running.
    await db.$executeRaw`UPDATE "AudienceAnalysis" SET "updatedAt" = now() - interval '10 minutes' WHERE "creatorId" = ${creatorId}`;
    expect((await getAnalysis(access)).status).toBe("running");
    await db.$executeRaw`UPDATE "AudienceAnalysis" SET "updatedAt" = now() - interval '20 minutes' WHERE "creatorId" = ${creatorId}`;

    // The job boot's scheduler tick (every minute in a server process).
    const ticker = startWorker({ queues: [] });
    await ticker.tick();
    await ticker.stop();
    const a = await db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId } });
    expect(a).toMatchObject({
      status: "failed",
      lastError: expect.stringMatching(/^it made no progress for 15 minutes\. Start it again/),
    });
    expect((await db.job.findUniqueOrThrow({ where: { id: stuck.id } })).leaseUntil!.getTime()).toBeLessThan(
      Date.now(),
    );

    // A new start is not stranded behind the hung job: a worker takes the job over.
    expect((await startAnalysis(access)).status).toMatch(/queued|running/);
    run();
    await waitDone();
    expect(await runIdsWritten()).toBe(2n); // "stuck" and the new run
  });
});
