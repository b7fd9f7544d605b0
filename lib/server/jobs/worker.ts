import "server-only";
import type { Job, Prisma } from "@/generated/prisma/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { claim, complete, fail, heartbeat, newWorkerId } from "./queue";

// Runs registered job handlers. Started once per server process (see
// instrumentation.ts); tests start their own. Failures are retried with
// backoff; a Fanvue connection that needs a new sign-in pauses its jobs
// (they wait, without spending attempts, until reconnecting wakes them).

export type JobContext = {
  workerId: string;
  signal: AbortSignal;
  /** Records progress (shown in the UI) and extends the lease. */
  progress: (p: Prisma.InputJsonValue) => Promise<void>;
};

export type JobHandler = (job: Job, ctx: JobContext) => Promise<Prisma.InputJsonValue | void>;

const g = globalThis as unknown as { jobHandlers?: Map<string, JobHandler>; jobSchedulers?: Map<string, () => Promise<void>> };
// Typed maps (globalThis keeps one registry across dev reloads).
const handlers: Map<string, JobHandler> = (g.jobHandlers ??= new Map());
const schedulers: Map<string, () => Promise<void>> = (g.jobSchedulers ??= new Map());

export function registerJob(queue: string, handler: JobHandler) {
  handlers.set(queue, handler);
}

/** A periodic task (e.g. enqueue due syncs) run by every worker loop. */
export function registerScheduler(name: string, tick: () => Promise<void>) {
  schedulers.set(name, tick);
}

export type WorkerOptions = {
  queues?: string[];
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
  const log = o.onError ?? ((err, job) => console.error(`[jobs] ${job ? `${job.queue} ${job.id}` : "worker"}:`, err));

  async function runOne(job: Job) {
    const handler = handlers.get(job.queue);
    if (!handler) return fail(job, workerId, `no handler for queue ${job.queue}`);
    const beat = setInterval(() => void heartbeat(job.id, workerId, leaseMs).catch(() => undefined), leaseMs / 3);
    try {
      const result = await handler(job, {
        workerId,
        signal: controller.signal,
        progress: async (p: Prisma.InputJsonValue) => {
          await heartbeat(job.id, workerId, leaseMs, p);
        },
      });
      await complete(job.id, workerId, result ?? undefined);
    } catch (err) {
      if (err instanceof FanvueError && err.kind === "reauth") {
        await fail(job, workerId, "Paused: Fanvue needs to be reconnected", { retryInMs: PAUSE_REAUTH_MS, countAttempt: false });
      } else if (err instanceof FanvueError && err.kind === "rate_limited") {
        await fail(job, workerId, err.message, { retryInMs: (err.details.retryAfterSec ?? 30) * 1000, countAttempt: false });
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
    for (const [name, fn] of schedulers) await fn().catch((err: unknown) => log(new Error(`scheduler ${name}: ${(err as Error).message}`)));
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
