import "server-only";
import { randomBytes } from "node:crypto";
import type { Job, JobStatus, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";

// A small job queue on Postgres. Claiming uses FOR UPDATE SKIP LOCKED so any
// number of server processes can work the same queues; a claimed job holds a
// lease that heartbeats extend. A crashed worker's lease runs out and the job
// is claimed again: handlers checkpoint their own progress so a re-run resumes.
// Callers enqueue through a job's definition (define.ts), which types the payload.
//
// States: queued (due at runAt) → running → succeeded | failed | cancelled,
// and paused: waiting for its Fanvue connection to be signed in again
// (reconnecting wakes it; it is also tried again every 10 minutes).

export type EnqueueOptions = {
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
  connectionId?: string | null;
  /** When the key's job is already running (and has read what it reads), queue one more run after it
   * ("Sync now" during a sync must see what happened since), instead of returning the running one. */
  again?: boolean;
};

/** Jobs that are not finished: one of these per key at most. */
export const OPEN_JOB_STATUSES = ["queued", "paused", "running"] as const satisfies JobStatus[];

/** Adds a job; with a key, returns the open (queued, paused, running) job of that key instead of a
 * duplicate. Per key at most one waiting (queued or paused) and one running job: a waiting job is not
 * claimed while another of its key runs. */
export async function enqueue(queue: string, payload: Prisma.InputJsonValue, opts: EnqueueOptions = {}): Promise<Job> {
  if (!opts.key) {
    return db.job.create({
      data: {
        queue,
        payload,
        runAt: opts.runAt,
        maxAttempts: opts.maxAttempts,
        connectionId: opts.connectionId ?? null,
      },
    });
  }
  const key = opts.key;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"job-key:" + key}))`;
    const open = await tx.job.findMany({ where: { key, status: { in: [...OPEN_JOB_STATUSES] } } });
    const existing = open.find((j) => j.status !== "running") ?? (opts.again ? undefined : open[0]);
    if (existing) {
      // An earlier "run later" becomes "run now" when asked again sooner (a
      // paused job stays paused: it runs, and pauses again if still signed out).
      if (opts.runAt && existing.status !== "running" && existing.runAt > opts.runAt) {
        return tx.job.update({ where: { id: existing.id }, data: { runAt: opts.runAt } });
      }
      return existing;
    }
    return tx.job.create({
      data: {
        queue,
        key,
        payload,
        runAt: opts.runAt,
        maxAttempts: opts.maxAttempts,
        connectionId: opts.connectionId ?? null,
      },
    });
  });
}

export const newWorkerId = () => `w-${process.pid}-${randomBytes(4).toString("hex")}`;

/** Claims the next due job of the given queues (queued, or paused and due
 * its periodic retry), or a running one whose lease expired. */
export async function claim(queues: string[], workerId: string, leaseMs: number): Promise<Job | null> {
  const rows = await db.$queryRaw<Job[]>`
    UPDATE "Job" SET status = 'running', "lockedBy" = ${workerId}, "leaseUntil" = now() + (${leaseMs} * interval '1 millisecond'),
      attempts = attempts + 1, "updatedAt" = now()
    WHERE id = (
      SELECT id FROM "Job"
      WHERE queue = ANY(${queues}::text[])
        AND ((status IN ('queued', 'paused') AND "runAt" <= now()
              AND NOT EXISTS (SELECT 1 FROM "Job" r WHERE r.key = "Job".key AND r.status = 'running'
                              AND r."leaseUntil" >= now()))
             OR (status = 'running' AND "leaseUntil" < now()))
      ORDER BY "runAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  return rows[0] ?? null;
}

/** Extends the lease; false when the job is no longer ours. */
export async function heartbeat(jobId: string, workerId: string, leaseMs: number) {
  const res = await db.job.updateMany({
    where: { id: jobId, lockedBy: workerId, status: "running" },
    data: { leaseUntil: new Date(Date.now() + leaseMs) },
  });
  return res.count === 1;
}

export async function complete(jobId: string, workerId: string, result?: Prisma.InputJsonValue) {
  await db.job.updateMany({
    where: { id: jobId, lockedBy: workerId },
    data: { status: "succeeded", result, finishedAt: new Date(), leaseUntil: null, lastError: null },
  });
}

/** Failure: retry later (bounded, exponential backoff) or give up; `final`
 * gives up at once (e.g. a payload that will never parse). */
export async function fail(
  job: Job,
  workerId: string,
  error: string,
  opts: { retryInMs?: number; countAttempt?: boolean; final?: boolean } = {},
) {
  const attempts = opts.countAttempt === false ? job.attempts - 1 : job.attempts;
  const giveUp = opts.final || (opts.retryInMs === undefined && attempts >= job.maxAttempts);
  // 30 s, 1 min, 2 min, … capped at 30 min.
  const retryIn = opts.retryInMs ?? Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
  await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId },
    data: giveUp
      ? { status: "failed", lastError: error, finishedAt: new Date(), leaseUntil: null }
      : {
          status: "queued",
          lastError: error,
          runAt: new Date(Date.now() + retryIn),
          leaseUntil: null,
          lockedBy: null,
          attempts,
        },
  });
}

/** The job's connection needs a new sign-in: it waits in state paused,
 * without spending the attempt, until reconnecting wakes it (or `retryInMs`). */
export async function pause(job: Job, workerId: string, reason: string, retryInMs: number) {
  await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId },
    data: {
      status: "paused",
      lastError: reason,
      runAt: new Date(Date.now() + retryInMs),
      leaseUntil: null,
      lockedBy: null,
      attempts: job.attempts - 1,
    },
  });
}

/** Reconnecting a connection wakes its waiting jobs at once (paused ones are queued again). */
export async function wakeConnectionJobs(connectionId: string) {
  await db.job.updateMany({
    where: { connectionId, status: { in: ["queued", "paused"] } },
    data: { status: "queued", runAt: new Date() },
  });
}

export async function cancelJobs(where: Prisma.JobWhereInput) {
  await db.job.updateMany({
    where: { ...where, status: { in: ["queued", "paused"] } },
    data: { status: "cancelled", finishedAt: new Date() },
  });
}
