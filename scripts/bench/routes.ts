// Per-request server cost (issues 4 and 23), on a production build, same run:
// - database round trips per page render (target ≤ 8) and per API request,
//   counted by the server (VUEDECK_COUNT_QUERIES=1): cold (the per-process
//   session and access caches expired) and warm (within their TTL);
// - routes at 1/10/50 concurrent connections (p50, p95, throughput; the
//   routes interleaved in short bursts so drifting load hits all alike): a bare
//   route answering one database query, GET /api/me, a cached API route (the
//   overview) and the fans list, with the cached route's p50 against the
//   bare one's (target ≤ 2×).
import { fmt, row, timeIt } from "./harness";
import { signInLuna, startProdStack, stopProdStack } from "./prod-stack";
import { loadInterleaved, serverQueries, startBareNext, startBarePrisma, type Load } from "./route-load";

process.env.VUEDECK_COUNT_QUERIES = "1";
const prod = await startProdStack("routes");
const { stack } = prod;
const { creator, tokens, cookie, user } = await signInLuna(prod);
const auth = { Cookie: cookie };
const stops: (() => Promise<void>)[] = [];

const get = async (url: string, headers: Record<string, string>) => {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
};

async function roundTrips() {
  console.log("Database round trips per page render (target ≤ 8) and per API request: cold (caches expired) / warm");
  const pages = [
    ["overview", `/c/${creator.id}`],
    ["fans", `/c/${creator.id}/fans`],
    ["earnings", `/c/${creator.id}/earnings`],
    ["chats", `/c/${creator.id}/chats`],
    ["vault", `/c/${creator.id}/vault`],
  ] as const;
  for (const [, path] of pages) await serverQueries(stack.appUrl, cookie, path); // first renders start their syncs
  for (const [name, path] of pages) {
    const cold = await serverQueries(stack.appUrl, cookie, path, 6_000);
    const warm = await serverQueries(stack.appUrl, cookie, path);
    const verdict = Math.max(cold, warm) <= 8 ? "met" : "NOT met";
    row(`page: ${name} (${path.replace(creator.id, ":id")})`, `${cold} / ${warm}`, verdict);
  }
  const apis = [
    ["GET /api/me", "/api/me"],
    ["GET /api/creators/:id/overview", `/api/creators/${creator.id}/overview`],
    ["GET /api/creators/:id/fans", `/api/creators/${creator.id}/fans?size=25`],
  ] as const;
  for (const [name, path] of apis) {
    const cold = await serverQueries(stack.appUrl, cookie, path, 6_000);
    row(`API: ${name}`, `${cold} / ${await serverQueries(stack.appUrl, cookie, path)}`);
  }
}

/** Before the load below, which spends the sandbox's rate budget (the fans list reads Fanvue). */
async function directSandbox() {
  const direct = { Authorization: `Bearer ${tokens.access_token}`, "X-Fanvue-API-Version": "2025-06-26" };
  const sandbox = await timeIt(100, () => get(`${stack.sandboxUrl}/chats/lists/smart`, direct));
  row("\ndirect sandbox call (GET /chats/lists/smart), p50", fmt(sandbox.p50));
}

async function routeLoad() {
  const bareNext = await startBareNext(stack.databaseUrl, user.id);
  stops.push(bareNext.stop);
  const barePrisma = await startBarePrisma(user.id);
  stops.push(barePrisma.stop);
  const routes: [string, string, Record<string, string>][] = [
    ["bare Next route handler, one pg query (node-postgres; separate bare app)", bareNext.url, {}],
    ["bare node:http + one Prisma query (bench process, same client)", barePrisma.url, {}],
    ["GET /api/me (session + workspaces)", `${stack.appUrl}/api/me`, auth],
    ["GET /api/creators/:id/overview (cached)", `${stack.appUrl}/api/creators/${creator.id}/overview`, auth],
    ["GET /api/creators/:id/fans (list)", `${stack.appUrl}/api/creators/${creator.id}/fans?size=25`, auth],
  ];
  for (const [, url, headers] of routes) for (let i = 0; i < 30; i++) await get(url, headers); // warm-up
  console.log(
    "\nAPI routes at 1 | 10 | 50 connections (closed loop, 5 × 0.5 s each, routes interleaved): p50 / p95 / requests per s",
  );
  const targets = routes.map(([, url, headers]) => ({ url, headers }));
  const byLevel: Load[][] = [];
  for (const c of [1, 10, 50]) byLevel.push(await loadInterleaved(targets, c));
  const results = routes.map((_, i) => byLevel.map((level) => level[i]!));
  for (const [i, [label]] of routes.entries())
    row(label, results[i]!.map((l) => `${fmt(l.p50)} / ${fmt(l.p95)} / ${l.rps.toFixed(0)}`).join("  |  "));
  for (const [i, c] of [1, 10, 50].entries()) {
    const [bare, prisma, cached] = [results[0]![i]!.p50, results[1]![i]!.p50, results[3]![i]!.p50];
    const ratio = cached / bare;
    row(
      `cached-route p50 / bare route p50 at ${c} connection${c > 1 ? "s" : ""}`,
      `${ratio.toFixed(2)}×`,
      `target ≤ 2× (${ratio <= 2 ? "met" : "NOT met"}); vs node:http+Prisma ${(cached / prisma).toFixed(2)}×`,
    );
  }
}

try {
  await roundTrips();
  await directSandbox();
  await routeLoad();
} finally {
  // Also after a failure: no server of this run is left behind.
  await Promise.all(stops.map((stop) => stop()));
  await stopProdStack(prod);
}
process.exit(0);
