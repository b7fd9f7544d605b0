// Route overhead (issue 4): our API routes (session, membership, scope, role,
// parsing, snapshot or ledger read) against a direct call to the sandbox, in
// the same run, on a production build.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startStack } from "../lib/stack.mjs";
import { authorize } from "../../sandbox/testing";
import { fmt, row, timeIt } from "./harness";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-bench-routes-"));
fs.chmodSync(dataDir, 0o755);
const env = { ...process.env, VUEDECK_WORKER: "0" };
for (const k of ["DATABASE_URL", "FANVUE_CLIENT_ID", "FANVUE_CLIENT_SECRET"]) delete env[k];
const stack = await startStack({
  mode: "prod",
  dataDir,
  appPort: await freePort(),
  sandboxPort: await freePort(),
  env,
  fastPostgres: true,
});
Object.assign(process.env, stack.appEnv);

const { db } = await import("@/lib/server/db");
const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { getMe } = await import("@/lib/server/fanvue/users");
const { provisionOnSignIn } = await import("@/lib/server/workspaces/provision");

console.log("API routes");
const creds = {
  clientId: stack.appEnv.FANVUE_CLIENT_ID,
  clientSecret: stack.appEnv.FANVUE_CLIENT_SECRET,
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
const cookie = `authjs.session-token=${sessionToken}`;

const get = async (url: string, headers: Record<string, string>) => {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  await res.arrayBuffer();
};
const direct = { Authorization: `Bearer ${tokens.access_token}`, "X-Fanvue-API-Version": "2025-06-26" };
await get(`${stack.appUrl}/api/creators/${creator.id}/overview`, { Cookie: cookie }); // warm the route and its cache
const sandbox = await timeIt(100, () => get(`${stack.sandboxUrl}/chats/lists/smart`, direct));
const overview = await timeIt(100, () =>
  get(`${stack.appUrl}/api/creators/${creator.id}/overview`, { Cookie: cookie }),
);
const me = await timeIt(100, () => get(`${stack.appUrl}/api/me`, { Cookie: cookie }));
row("direct sandbox call (GET /chats/lists/smart), p50", fmt(sandbox.p50));
row("our route: GET /api/me (session + workspaces), p50", fmt(me.p50));
row(
  "our route: GET /api/creators/:id/overview (cached), p50",
  fmt(overview.p50),
  `overhead vs direct ${fmt(overview.p50 - sandbox.p50)}`,
);
await db.$disconnect();
await stack.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
