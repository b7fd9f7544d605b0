import { afterAll, afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestSandbox } from "../support/sandbox";
import { connectAccount } from "../support/connect";
import { provisionAccount } from "../support/workspace";

// The job catalog's guarantees: a stored payload is parsed with its job's
// schema (one that never parses fails at once, naming the field), a job whose
// Fanvue connection needs a new sign-in is in state paused until reconnecting
// wakes it, and enqueueing a wrong payload does not compile.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { startWorker } = await import("@/lib/server/jobs/worker");
const { defineJob } = await import("@/lib/server/jobs/define");
const { earningsSyncJob, earningsSyncKey, requestEarningsSync } = await import("@/lib/server/earnings/jobs");
const { getSyncStatus } = await import("@/lib/server/earnings/status");
const { markNeedsReauth } = await import("@/lib/server/fanvue/connection");

let worker: ReturnType<typeof startWorker> | null = null;
afterEach(async () => {
  await worker?.stop();
  worker = null;
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

async function waitFor(cond: () => Promise<boolean>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

const jobRow = (id: string) => db.job.findUniqueOrThrow({ where: { id } });

describe("typed jobs", () => {
  it("a payload that does not parse fails the job at once, naming the field, without retries", async () => {
    let ran = 0;
    const counted = defineJob({
      queue: "test.counted",
      payload: z.object({ campaignId: z.string(), count: z.number().int() }),
      handler: async () => void ran++,
    });
    // As an older version (or a hand-written row) might have stored them.
    const bad = await db.job.create({
      data: { queue: counted.queue, payload: { campaignId: "c1", count: "three" }, maxAttempts: 5 },
    });
    const badCatalog = await db.job.create({
      data: { queue: earningsSyncJob.queue, payload: { creatorID: "x" }, maxAttempts: 6 },
    });
    const errors: unknown[] = [];
    worker = startWorker({ jobs: [counted, earningsSyncJob], pollMs: 20, onError: (e) => errors.push(e) });
    await waitFor(
      async () => (await jobRow(bad.id)).status === "failed" && (await jobRow(badCatalog.id)).status === "failed",
    );

    const a = await jobRow(bad.id);
    expect(a).toMatchObject({ status: "failed", attempts: 1 });
    expect(a.lastError).toMatch(/^Invalid payload for test\.counted: count: /);
    expect(ran).toBe(0);
    const b = await jobRow(badCatalog.id);
    expect(b).toMatchObject({ status: "failed", attempts: 1 });
    expect(b.lastError).toMatch(/creatorId/);
    expect(errors).toHaveLength(2);

    // A good payload runs the handler with the parsed value.
    const good = await counted.enqueue({ campaignId: "c2", count: 3 });
    await waitFor(async () => (await jobRow(good.id)).status === "succeeded");
    expect(ran).toBe(1);
  });

  it("enqueue checks the payload on the way in too", async () => {
    // @ts-expect-error: the schema wants creatorId (a string).
    await expect(earningsSyncJob.enqueue({ creatorID: "x" })).rejects.toThrow(/creatorId/);
  });

  it("a job whose connection needs a new sign-in is paused, and resumes when reconnecting wakes it", async () => {
    const p = await provisionAccount(sb, "luna");
    const creatorId = p.creators.luna!.id;
    await markNeedsReauth(p.connection.id, "Signed out on Fanvue");
    const queued = await requestEarningsSync(creatorId, p.connection.id);
    worker = startWorker({ queues: [earningsSyncJob.queue], pollMs: 20 });

    await waitFor(async () => (await jobRow(queued.id)).status === "paused");
    const paused = await jobRow(queued.id);
    // No attempt spent; tried again in 10 minutes if nobody reconnects.
    expect(paused.attempts).toBe(0);
    expect(paused.lockedBy).toBeNull();
    expect(paused.runAt.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect((await getSyncStatus([creatorId])).state).toBe("paused");
    // Still one job for the key: asking again does not queue a second one.
    expect((await requestEarningsSync(creatorId, p.connection.id, new Date(Date.now() + 60_000))).id).toBe(queued.id);
    expect((await jobRow(queued.id)).status).toBe("paused");

    // Reconnecting (a new sign-in saves new tokens) wakes it.
    await connectAccount(sb, "luna");
    await waitFor(async () => (await jobRow(queued.id)).status === "succeeded");
    expect((await jobRow(queued.id)).attempts).toBe(1);
    expect(await db.job.count({ where: { key: earningsSyncKey(creatorId) } })).toBe(1);
    expect((await getSyncStatus([creatorId])).state).toBe("idle");
  });

  it("a paused job is claimed again when its retry time comes", async () => {
    let ran = 0;
    const probe = defineJob({ queue: "test.probe", payload: z.object({}), handler: async () => void ran++ });
    const job = await db.job.create({
      data: {
        queue: probe.queue,
        payload: {},
        status: "paused",
        runAt: new Date(Date.now() - 1_000),
        lastError: "Paused: Fanvue needs to be reconnected",
      },
    });
    worker = startWorker({ jobs: [probe], pollMs: 20 });
    await waitFor(async () => (await jobRow(job.id)).status === "succeeded");
    expect(ran).toBe(1);
  });
});

// Type checks only (never run): a wrong payload is a compile error.
export function typeChecks() {
  // @ts-expect-error: missing creatorId.
  void earningsSyncJob.enqueue({});
  // @ts-expect-error: creatorId must be a string.
  void earningsSyncJob.enqueue({ creatorId: 42 });
  void earningsSyncJob.enqueue({ creatorId: "ok" }, { key: "k" });
}

describe("a keyed job asked for again while it runs", () => {
  it("queues one follow-up that waits for the running one, instead of returning it", async () => {
    const { enqueue, claim, complete } = await import("@/lib/server/jobs/queue");
    const key = `again-${Date.now()}`;
    const queue = `test-again-${Date.now()}`;
    const first = await enqueue(queue, {}, { key });
    expect((await claim([queue], "w1", 60_000))?.id).toBe(first.id);
    // Without `again` the running job is the answer (a scheduler's dedupe).
    expect((await enqueue(queue, {}, { key })).id).toBe(first.id);
    const follow = await enqueue(queue, {}, { key, again: true });
    expect(follow.id).not.toBe(first.id);
    expect(follow.status).toBe("queued");
    // Asked again: still one waiting job.
    expect((await enqueue(queue, {}, { key, again: true })).id).toBe(follow.id);
    // The follow-up is not claimed while the first runs, and is once it is done.
    expect(await claim([queue], "w2", 60_000)).toBeNull();
    await complete(first.id, "w1");
    expect((await claim([queue], "w2", 60_000))?.id).toBe(follow.id);
  });
});
