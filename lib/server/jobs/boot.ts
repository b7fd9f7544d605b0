import "server-only";
import { env } from "@/lib/env.mjs";
import "./registry";
import { startWorker } from "./worker";

const g = globalThis as unknown as { vuedeckWorker?: ReturnType<typeof startWorker> };

/** One worker per server process (several processes share the queue safely). */
export function startBackgroundWork() {
  if (!env.VUEDECK_WORKER || g.vuedeckWorker) return;
  // Every minute the schedulers enqueue what is due (deduplicated by key).
  g.vuedeckWorker = startWorker({ concurrency: 2, pollMs: 1_000, schedulerEveryMs: 60_000 });
  const stop = () => void g.vuedeckWorker?.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
