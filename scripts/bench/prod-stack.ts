// The production stack a route benchmark measures: `next start` on a build
// (made first when there is none), a fresh embedded Postgres and the sandbox,
// no background worker (nothing competing with the measurement), and Luna,
// the owner, signed in with a session row as Auth.js stores it.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, ROOT, startStack } from "../lib/stack.mjs";
import { provisionSignedIn } from "./harness";

/** Builds the app into NEXT_DIST_DIR (default .next) unless a build is there. */
export function ensureBuild() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) return;
  console.log(`no production build in ${distDir}; building…`);
  const b = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "ignore",
  });
  if (b.status !== 0) throw new Error("next build failed");
}

/** `name` names the temp data directory. The app's env is copied into this process, so
 * `@/lib/server/db` imported afterwards talks to the same database. */
export async function startProdStack(name: string) {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vuedeck-bench-${name}-`));
  fs.chmodSync(dataDir, 0o755);
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
  return { stack, appEnv, dataDir };
}

type Stack = Awaited<ReturnType<typeof startProdStack>>;

/** Luna signed in through the sandbox's OAuth, her workspace provisioned, and a session cookie. */
export async function signInLuna({ stack, appEnv }: Stack) {
  const { db } = await import("@/lib/server/db");
  const creds = {
    clientId: appEnv.FANVUE_CLIENT_ID!,
    clientSecret: appEnv.FANVUE_CLIENT_SECRET!,
    redirectUri: `${stack.appUrl}/api/auth/callback/fanvue`,
  };
  const { user, tokens } = await provisionSignedIn(stack.sandboxUrl!, creds, "luna", "Luna");
  const creator = await db.creator.findFirstOrThrow({ where: { handle: "luna" } });
  const sessionToken = crypto.randomBytes(24).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  return { db, user, creator, tokens, cookie: `authjs.session-token=${sessionToken}` };
}

/** Stops the stack and removes its data. */
export async function stopProdStack({ stack, dataDir }: Stack) {
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
