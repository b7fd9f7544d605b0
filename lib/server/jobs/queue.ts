import "server-only";
import { randomBytes } from "node:crypto";
import type { Job, Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/server/db";

// A small job queue on Postgres. Claiming uses FOR UPDATE SKIP LOCKED so any
// number of server processes can work the same queues; a claimed job holds a
// lease that heartbeats extend. A crashed worker's lease runs out and the job
// is claimed again: handlers checkpoint their own progress so a re-run resumes.

export type EnqueueOptions = { key?: string; runAt?: Date; maxAttempts?: number; connectionId?: string | null };

/** Adds a job; with a key, returns the queued/running job of that key instead of a duplicate. */
export async function enqueue(queue: string, payload: Prisma.InputJsonValue, opts: EnqueueOptions = {}): Promise<Job> {
  if (!opts.key) {
    return db.job.create({ data: { queue, payload, runAt: opts.runAt, maxAttempts: opts.maxAttempts, connectionId: opts.connectionId ?? null } });
  }
  const key = opts.key;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"job-key:" + key}))`;
    const existing = await tx.job.findFirst({ where: { key, status: { in: ["queued", "running"] } } });
    if (existing) {
      // An earlier "run later" becomes "run now" when asked again sooner.
      if (opts.runAt && existing.status === "queued" && existing.runAt > opts.runAt) {
        return tx.job.update({ where: { id: existing.id }, data: { runAt: opts.runAt } });
      }
      return existing;
    }
    return tx.job.create({ data: { queue, key, payload, runAt: opts.runAt, maxAttempts: opts.maxAttempts, connectionId: opts.connectionId ?? null } });
  });
}

export const newWorkerId = () => `w-${process.pid}-${randomBytes(4).toString("hex")}`;

/** Claims the next due job of the given queues, or a running one whose lease expired. */
export async function claim(queues: string[], workerId: string, leaseMs: number): Promise<Job | null> {
  const rows = await db.$queryRaw<Job[]>`
    UPDATE "Job" SET status = 'running', "lockedBy" = ${workerId}, "leaseUntil" = now() + (${leaseMs} * interval '1 millisecond'),
      attempts = attempts + 1, "updatedAt" = now()
    WHERE id = (
      SELECT id FROM "Job"
      WHERE queue = ANY(${queues}::text[])
        AND ((status = 'queued' AND "runAt" <= now()) OR (status = 'running' AND "leaseUntil" < now()))
      ORDER BY "runAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  return rows[0] ?? null;
}

/** Extends the lease and records progress; false when the job is no longer ours. */
export async function heartbeat(jobId: string, workerId: string, leaseMs: number, progress?: Prisma.InputJsonValue) {
  const res = await db.job.updateMany({
    where: { id: jobId, lockedBy: workerId, status: "running" },
    data: { leaseUntil: new Date(Date.now() + leaseMs), ...(progress !== undefined ? { progress } : {}) },
  });
  return res.count === 1;
}

export async function complete(jobId: string, workerId: string, result?: Prisma.InputJsonValue) {
  await db.job.updateMany({
    where: { id: jobId, lockedBy: workerId },
    data: { status: "succeeded", result, finishedAt: new Date(), leaseUntil: null, lastError: null },
  });
}

/** Failure: retry later (bounded, exponential backoff) or give up. */
export async function fail(job: Job, workerId: string, error: string, opts: { retryInMs?: number; countAttempt?: boolean } = {}) {
  const attempts = opts.countAttempt === false ? job.attempts - 1 : job.attempts;
  const giveUp = opts.retryInMs === undefined && attempts >= job.maxAttempts;
  // 30 s, 1 min, 2 min, … capped at 30 min.
  const retryIn = opts.retryInMs ?? Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
  await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId },
    data: giveUp
      ? { status: "failed", lastError: error, finishedAt: new Date(), leaseUntil: null }
      : { status: "queued", lastError: error, runAt: new Date(Date.now() + retryIn), leaseUntil: null, lockedBy: null, attempts },
  });
}

/** Reconnecting a connection wakes its waiting jobs at once. */
export async function wakeConnectionJobs(connectionId: string) {
  await db.job.updateMany({ where: { connectionId, status: "queued" }, data: { runAt: new Date() } });
}

export async function cancelJobs(where: Prisma.JobWhereInput) {
  await db.job.updateMany({ where: { ...where, status: { in: ["queued"] } }, data: { status: "cancelled", finishedAt: new Date() } });
}
