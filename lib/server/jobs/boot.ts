import "server-only";
import { env } from "@/lib/env.mjs";
import { listMembersJob } from "@/lib/server/chats/mirror/jobs";
import { massSendJob } from "@/lib/server/mass/jobs";
import { startWorker } from "./worker";

const g = globalThis as unknown as { vuedeckWorkers?: ReturnType<typeof startWorker>[] };

/** Work a person is waiting on, short and bounded: a mass message they sent,
 * the members of a list they filter the inbox by. Bulk work (a backfill, a
 * roster or chat sync) can hold a slot for minutes, so these get a lane of
 * their own and never queue behind it. */
const PERSON_WAITING = [massSendJob.queue, listMembersJob.queue];

/** The workers of this server process (several processes share the queue safely). */
export function startBackgroundWork() {
  if (!env.VUEDECK_WORKER || g.vuedeckWorkers) return;
  g.vuedeckWorkers = [
    // Every queue (jobs mostly wait on Fanvue's rate limiter, not the CPU).
    // Every minute the schedulers enqueue what is due (deduplicated by key).
    startWorker({ concurrency: 3, pollMs: 1_000, schedulerEveryMs: 60_000 }),
    startWorker({ queues: PERSON_WAITING, concurrency: 2, pollMs: 500 }),
  ];
  const stop = () => void Promise.all((g.vuedeckWorkers ?? []).map((w) => w.stop()));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
