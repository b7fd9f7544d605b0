export {};

// A separate server process for the refresh-storm test: loads the app's
// Fanvue client, prints READY, waits for "go" on stdin (a barrier across
// processes), fires N concurrent calls on one connection, prints the outcome.
// Run with: node --conditions=react-server --import tsx tests/support/storm-worker.ts <connectionId> <n>
const [connectionId, n] = process.argv.slice(2);
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { getMe } = await import("@/lib/server/fanvue/users");
const { db } = await import("@/lib/server/db");

console.log("READY");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const client = fanvueClient({ connectionId: connectionId! });
const results = await Promise.allSettled(Array.from({ length: Number(n) }, () => getMe(client)));
const ok = results.filter((r) => r.status === "fulfilled").length;
const errors = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
console.log(JSON.stringify({ ok, errors: errors.slice(0, 3) }));
await db.$disconnect();
