// Fan panel latency (issue 7): the warm-cache fan panel route against a bare
// Prisma query route behind the same wrapper (GET /api/workspaces/:id/creators,
// one findMany), same run, production build, real session, interleaved so
// drift hits both alike.
// Run: node --conditions=react-server --import tsx scripts/bench/fans-routes.ts [samples]
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, ROOT, startStack } from "../lib/stack.mjs";
import { authorize } from "../../sandbox/testing";
import { fmt, percentile, row } from "./harness";

const samples = Number(process.argv[2] ?? 400);
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
  console.log(`no production build in ${distDir}; building…`);
  const b = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "ignore",
  });
  if (b.status !== 0) throw new Error("next build failed");
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-bench-fans-routes-"));
fs.chmodSync(dataDir, 0o755);
// No background jobs (e.g. the earnings backfill) competing with the measurement.
const env: NodeJS.ProcessEnv = { ...process.env, VUEDECK_WORKER: "0" };
for (const k of ["DATABASE_URL", "FANVUE_CLIENT_ID", "FANVUE_CLIENT_SECRET"]) delete env[k];
const stack = await startStack({
  mode: "prod",
  dataDir,
  appPort: await freePort(),
  sandboxPort: await freePort(),
  env,
  fastPostgres: true,
});
const appEnv = stack.appEnv as Record<string, string>;
Object.assign(process.env, appEnv);

const { db } = await import("@/lib/server/db");
const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { getMe } = await import("@/lib/server/fanvue/users");
const { provisionOnSignIn } = await import("@/lib/server/workspaces/provision");

// Signed in as luna (the owner), with a session like Auth.js stores it.
const creds = {
  clientId: appEnv.FANVUE_CLIENT_ID!,
  clientSecret: appEnv.FANVUE_CLIENT_SECRET!,
  redirectUri: `${stack.appUrl}/api/auth/callback/fanvue`,
};
const { account, tokens } = await authorize(stack.sandboxUrl!, creds, "luna");
const user = await db.user.create({ data: { name: "Luna", handle: "luna", fanvueUuid: account.uuid } });
const conn = await saveConnectionTokens({
  userId: user.id,
  fanvueUserUuid: account.uuid,
  tokens: {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token!,
    expiresAt: new Date(Date.now() + 3_600_000),
    scope: tokens.scope,
  },
});
await provisionOnSignIn(user.id, await getMe(fanvueClient({ connectionId: conn.id })), conn.id);
const creator = await db.creator.findFirstOrThrow({ where: { handle: "luna" } });
const sessionToken = crypto.randomBytes(24).toString("hex");
await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
const headers = { Cookie: `authjs.session-token=${sessionToken}`, Accept: "application/json" };

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
await db.$disconnect();
await stack.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
