export {};

// A separate server process for the shared-cache test: loads the fan-insight
// loader, prints READY, reads the fans to ask for from stdin (a barrier across
// processes), fires 25 concurrent overlapping requests, prints the outcome.
// Run with: node --conditions=react-server --import tsx tests/support/fan-insights-worker.ts <connectionId>
const [connectionId] = process.argv.slice(2);
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { InsightLoader } = await import("@/lib/server/fans/insights/insight-loader");
const { db } = await import("@/lib/server/db");

console.log("READY");
let input = "";
await new Promise<void>((resolve) => {
  process.stdin.on("data", (d) => (input += d));
  process.stdin.on("end", () => resolve());
});
const uuids = JSON.parse(input) as string[];
const subject = { creatorId: "creator-luna", client: fanvueClient({ connectionId: connectionId!, mode: "self" }) };
const loader = new InsightLoader({});
const sets = Array.from({ length: 25 }, (_, i) =>
  Array.from({ length: 30 }, (_, j) => uuids[(i * 10 + j) % uuids.length]!),
);
const results = await Promise.allSettled(sets.map((s) => loader.load(subject, s)));
const ok = results.filter(
  (r) => r.status === "fulfilled" && [...r.value.values()].every((v) => v.state === "ok"),
).length;
const errors = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
console.log(JSON.stringify({ ok, errors: errors.slice(0, 3) }));
await db.$disconnect();
