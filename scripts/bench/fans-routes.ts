// Fan panel latency (issue 7): the warm-cache fan panel route against a bare
// Prisma query route behind the same wrapper (GET /api/workspaces/:id/creators,
// one findMany), same run, production build, real session, interleaved so
// drift hits both alike.
// Run: node --conditions=react-server --import tsx scripts/bench/fans-routes.ts [samples]
import { fmt, percentile, row } from "./harness";
import { signInLuna, startProdStack, stopProdStack } from "./prod-stack";

const samples = Number(process.argv[2] ?? 400);
const prod = await startProdStack("fans-routes");
const { stack } = prod;
// Signed in as luna (the owner), with a session like Auth.js stores it.
const { creator, cookie } = await signInLuna(prod);
const headers = { Cookie: cookie, Accept: "application/json" };

async function timed(url: string) {
  const t = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

console.log("Fan panel");
// The table page warms the cache (one batch call), as opening the Fans page does.
const page = (await (await fetch(`${stack.appUrl}/api/creators/${creator.id}/fans?size=5`, { headers })).json()) as {
  rows: { uuid: string }[];
};
const panel = `${stack.appUrl}/api/creators/${creator.id}/fans/${page.rows[0]!.uuid}`;
const bare = `${stack.appUrl}/api/workspaces/${creator.workspaceId}/creators`;
for (let i = 0; i < 30; i++) await Promise.all([timed(panel), timed(bare)]); // warm-up
const p: number[] = [];
const b: number[] = [];
for (let i = 0; i < samples; i++) {
  p.push(await timed(panel));
  b.push(await timed(bare));
}
const upstream = (await (
  await fetch(`${stack.sandboxUrl}/__sandbox/calls?summary=1&path=${encodeURIComponent("/insights/fans/batch")}`)
).json()) as { total: number };
row(
  "bare Prisma route (GET /api/workspaces/:id/creators), p50",
  fmt(percentile(b, 50)),
  `p95 ${fmt(percentile(b, 95))}`,
);
row(
  "warm fan panel (GET /api/creators/:id/fans/:fan), p50",
  fmt(percentile(p, 50)),
  `p95 ${fmt(percentile(p, 95))}; ${(percentile(p, 50) / percentile(b, 50)).toFixed(2)}× the bare route`,
);
row("batch calls upstream in the whole run", String(upstream.total), "1 = the table page that warmed the cache");
await stopProdStack(prod);
process.exit(0);
