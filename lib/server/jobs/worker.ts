import "server-only";
import type { Job } from "@/generated/prisma/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { jobs as catalogJobs, schedulers as catalogSchedulers } from "./catalog";
import { InvalidPayload, type AnyJobDefinition, type SchedulerDefinition } from "./define";
import { claim, complete, fail, heartbeat, newWorkerId, pause } from "./queue";

// Runs the jobs of the catalog (catalog.ts). Started once per server process
// (see instrumentation.ts); tests start their own. Failures are retried with
// backoff; a payload that does not parse fails at once; a Fanvue connection
// that needs a new sign-in pauses its jobs (state paused: they wait, without
// spending attempts, until reconnecting wakes them).

export type WorkerOptions = {
  /** The queues to work; all of `jobs` by default. */
  queues?: string[];
  /** The job definitions to run (the catalog's by default; tests pass their own). */
  jobs?: readonly AnyJobDefinition[];
  /** The schedulers `tick` runs (the catalog's by default). */
  schedulers?: readonly SchedulerDefinition[];
  concurrency?: number;
  /** How often an idle worker looks for work. */
  pollMs?: number;
  /** A crashed worker's job is picked up again after this long. */
  leaseMs?: number;
  schedulerEveryMs?: number;
  onError?: (err: unknown, job?: Job) => void;
};

const PAUSE_REAUTH_MS = 10 * 60_000;

export function startWorker(o: WorkerOptions = {}) {
  const workerId = newWorkerId();
  const leaseMs = o.leaseMs ?? 60_000;
  const pollMs = o.pollMs ?? 1_000;
  const controller = new AbortController();
  let stopped = false;
  const running = new Set<Promise<void>>();
  const handlers = new Map((o.jobs ?? catalogJobs).map((d) => [d.queue, d]));
  const schedulers = o.schedulers ?? catalogSchedulers;
  const log = o.onError ?? ((err, job) => console.error(`[jobs] ${job ? `${job.queue} ${job.id}` : "worker"}:`, err));

  async function runOne(job: Job) {
    const def = handlers.get(job.queue);
    if (!def) return fail(job, workerId, `no handler for queue ${job.queue}`);
    const beat = setInterval(() => void heartbeat(job.id, workerId, leaseMs).catch(() => undefined), leaseMs / 3);
    try {
      const result = await def.run(job, { workerId, signal: controller.signal });
      await complete(job.id, workerId, result ?? undefined);
    } catch (err) {
      if (err instanceof InvalidPayload) {
        // It will never parse: no retries.
        log(err, job);
        await fail(job, workerId, err.message, { final: true });
      } else if (err instanceof FanvueError && err.kind === "reauth") {
        await pause(job, workerId, "Paused: Fanvue needs to be reconnected", PAUSE_REAUTH_MS);
      } else if (err instanceof FanvueError && err.kind === "rate_limited") {
        await fail(job, workerId, err.message, {
          retryInMs: (err.details.retryAfterSec ?? 30) * 1000,
          countAttempt: false,
        });
      } else {
        if (!(err instanceof FanvueError)) log(err, job);
        await fail(job, workerId, err instanceof Error ? err.message : String(err));
      }
    } finally {
      clearInterval(beat);
    }
  }

  async function loop() {
    const queues = o.queues ?? [...handlers.keys()];
    while (!stopped) {
      if (running.size >= (o.concurrency ?? 2)) {
        await Promise.race(running);
        continue;
      }
      let job: Job | null = null;
      try {
        job = queues.length ? await claim(queues, workerId, leaseMs) : null;
      } catch (err) {
        log(err);
      }
      if (!job) {
        await new Promise((r) => setTimeout(r, pollMs));
        continue;
      }
      const p = runOne(job).finally(() => running.delete(p));
      running.add(p);
    }
  }

  let schedulerTimer: NodeJS.Timeout | null = null;
  const tick = async () => {
    for (const { name, tick: fn } of schedulers)
      await fn().catch((err: unknown) => log(new Error(`scheduler ${name}: ${(err as Error).message}`)));
  };
  if (o.schedulerEveryMs) {
    schedulerTimer = setInterval(() => void tick(), o.schedulerEveryMs);
    schedulerTimer.unref?.();
  }
  const done = loop();
  return {
    workerId,
    tick,
    async stop() {
      stopped = true;
      controller.abort();
      if (schedulerTimer) clearInterval(schedulerTimer);
      await done;
      await Promise.allSettled(running);
    },
  };
}
