export {};

// A separate server process running the job worker, so a test can kill it
// mid-run (SIGKILL: no cleanup, like a crash) and check the run resumes.
// Run with: node --conditions=react-server --import tsx tests/support/roster-worker.ts <leaseMs>
const [leaseMs] = process.argv.slice(2);
const { startWorker } = await import("@/lib/server/jobs/worker");
const { InsightLoader } = await import("@/lib/server/fans/insights/insight-loader");
// Short fan leases too, so the survivor need not wait 45 s for the fans this
// process was fetching when it died.
(globalThis as { fanInsightLoader?: unknown }).fanInsightLoader = new InsightLoader({ leaseMs: Number(leaseMs) });
startWorker({ queues: ["fans.roster"], pollMs: 50, leaseMs: Number(leaseMs) });
console.log("READY");
