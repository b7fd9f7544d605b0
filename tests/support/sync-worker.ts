export {};

// A separate process running one earnings sync, so a test can kill it with
// SIGKILL mid-backfill. Run: node --conditions=react-server --import tsx tests/support/sync-worker.ts <creatorId>
const [creatorId] = process.argv.slice(2);
const { syncStream } = await import("@/lib/server/earnings/sync");
await syncStream(creatorId!, "earnings");
console.log("DONE");
process.exit(0);
