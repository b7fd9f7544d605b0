// Fans benchmark (issue 7):
//  1. upstream batch calls for N fans asked by 25 concurrent clients = ceil(N/100);
//  2. whole-audience analysis of a 100,000-fan audience against the time
//     Fanvue's rate budget allows (200 calls per 60 s), and the 429 count.
// (Route latency, warm panel vs a bare Prisma route: fans-routes.ts.)
//
// Run: node --conditions=react-server --import tsx scripts/bench/fans.ts [--parts loader,analysis] [--fans 100000]
// The analysis of 100,000 fans needs ~3,000 calls: about 15 minutes at Fanvue's real budget.
// The sandbox runs as its own process (its own CPU, as Fanvue would be).
import { parseArgs } from "node:util";
import { authorize } from "../../sandbox/testing";
import { row, startBench, startSandboxProcess } from "./harness";

const { values: args } = parseArgs({
  options: { parts: { type: "string", default: "loader,analysis" }, fans: { type: "string", default: "100000" } },
});
const parts = new Set(args.parts!.split(","));
const FANS = Number(args.fans);
// Fanvue's documented budget; the app's limiter learns it from the headers.
const LIMIT = 200;
const WINDOW_SEC = 60;
const CLIENT = {
  clientId: "bench-fans",
  clientSecret: "bench-secret",
  redirectUri: "http://localhost:3999/api/auth/callback/fanvue",
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The harness gives the database and environment; the sandbox that matters
// is a separate process with the big audience (the harness's is unused).
const bench = await startBench({ soloFans: 10, agencyFans: [1, 1, 1] });
const { url: sandboxUrl, stopAll } = await startSandboxProcess(bench, {
  fans: FANS,
  limit: LIMIT,
  windowSec: WINDOW_SEC,
  client: CLIENT,
});

const { db } = await import("@/lib/server/db");
const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const calls = async (path?: string) =>
  (await (
    await fetch(`${sandboxUrl}/__sandbox/calls?summary=1${path ? `&path=${encodeURIComponent(path)}` : ""}`)
  ).json()) as { total: number; byRoute: Record<string, number>; byStatus: Record<string, number> };
const clearCalls = () => fetch(`${sandboxUrl}/__sandbox/calls`, { method: "DELETE" });

// luna's workspace, as sign-in provisions it.
const { account, tokens } = await authorize(sandboxUrl, CLIENT, "luna");
const user = await db.user.create({ data: { name: "luna", handle: "luna", fanvueUuid: account.uuid } });
const conn = await saveConnectionTokens({
  userId: user.id,
  fanvueUserUuid: account.uuid,
  tokens: {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? null,
    expiresAt: new Date(Date.now() + 3_600_000),
    scope: tokens.scope,
  },
});
const ws = await db.workspace.create({ data: { connectionId: conn.id, kind: "creator", name: "luna" } });
await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "owner" } });
const creator = await db.creator.create({
  data: { workspaceId: ws.id, fanvueUuid: account.uuid, handle: "luna", displayName: "Luna" },
});
const access = (await getCreatorAccess(user.id, creator.id))!;
console.log(`Fans (${FANS.toLocaleString()}-fan audience, budget ${LIMIT} calls / ${WINDOW_SEC} s)`);

if (parts.has("loader")) {
  const { InsightLoader } = await import("@/lib/server/fans/insights/insight-loader");
  const { subjectOf } = await import("@/lib/server/fans/insights/insights");
  const { listAudiencePage } = await import("@/lib/server/fanvue/resources/audience");
  const subject = subjectOf(access);
  const uuids: string[] = [];
  for (let page = 1; uuids.length < 2500; page++)
    uuids.push(...(await listAudiencePage(subject.client, "followers", { page, size: 50 })).data.map((f) => f.uuid));
  for (const [i, n] of [1, 99, 100, 101, 250, 1000, 2500].entries()) {
    const set = uuids.slice(0, n);
    const s = { ...subject, creatorId: `bench-loader-${i}` }; // a cold cache per N
    const loader = new InsightLoader({});
    // 25 clients, each fan asked by two of them (or everyone, for N < 25).
    const clients = Array.from({ length: 25 }, (_, c) =>
      set.filter((_, j) => set.length < 25 || j % 25 === c || (j + 1) % 25 === c),
    );
    await clearCalls();
    await Promise.all(clients.map((c) => loader.load(s, c)));
    const cold = (await calls("/insights/fans/batch")).total;
    await clearCalls();
    await Promise.all(clients.map((c) => loader.load(s, c)));
    const warm = (await calls("/insights/fans/batch")).total;
    row(
      `batch calls for ${n} fans, 25 concurrent clients`,
      `${cold} (ceil = ${Math.ceil(n / 100)})`,
      `same again: ${warm}${cold === Math.ceil(n / 100) ? "" : "  ← MISMATCH"}`,
    );
  }
}

if (parts.has("analysis")) {
  const { limiter } = await import("@/lib/server/fanvue/request");
  const { startWorker } = await import("@/lib/server/jobs/worker");
  const { startAnalysis } = await import("@/lib/server/fans/analysis/analysis");
  // Start on a full bucket: the loader part above spent part of this one.
  await sleep(Math.max(0, limiter.snapshot(conn.id).resetAt - Date.now()) + 1_000);
  await clearCalls();
  const worker = startWorker({ queues: ["fans.roster"], pollMs: 20 });
  const started = Date.now();
  await startAnalysis(access);
  const seen = new Map<string, number>();
  for (
    let a = await db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: creator.id } });
    a.status === "running";
    await sleep(250)
  ) {
    if (!seen.has(a.phase)) seen.set(a.phase, Date.now());
    a = await db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: creator.id } });
  }
  const seconds = (Date.now() - started) / 1000;
  await worker.stop();
  const a = await db.audienceAnalysis.findUniqueOrThrow({ where: { creatorId: creator.id } });
  const listed = (await db.fanRoster.findUniqueOrThrow({ where: { creatorId: creator.id } })).listed;
  const log = await calls();
  const budget = (log.total / LIMIT) * WINDOW_SEC;
  row("analysis: fans listed / analysed / errors", `${listed} / ${a.insightsDone} / ${a.errors}`, `status ${a.status}`);
  row("analysis: upstream calls", String(log.total), JSON.stringify(log.byRoute));
  row(
    "analysis: batch calls vs ceil(N/100)",
    `${log.byRoute["POST /insights/fans/batch"] ?? 0} vs ${Math.ceil(a.insightsDone / 100)}`,
  );
  row("analysis: time the rate budget allows (calls/200×60 s)", `${budget.toFixed(1)} s`);
  row("analysis: time taken", `${seconds.toFixed(1)} s`, `${(seconds / budget).toFixed(3)} × the budget time`);
  row("analysis: 429 answers", String(log.byStatus["429"] ?? 0));
  row(
    "analysis: listing done after",
    `${(((seen.get("insights") ?? Date.now()) - started) / 1000).toFixed(1)} s`,
    "insights fetched alongside",
  );
}

await stopAll();
process.exit(0);
