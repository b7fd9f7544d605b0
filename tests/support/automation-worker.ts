export {};

// A separate process working the automation queue, so a test can kill it
// (SIGKILL) at random points. Prints READY once it is polling.
// Run: node --conditions=react-server --import tsx tests/support/automation-worker.ts
const { startWorker } = await import("@/lib/server/jobs/worker");
// 1.5 s lease: a killed worker's job is picked up again quickly.
startWorker({ queues: ["automation-run"], concurrency: 2, pollMs: 50, leaseMs: 1_500 });
console.log("READY");
