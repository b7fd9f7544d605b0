// Shared setup for benchmarks: a throw-away embedded PostgreSQL (migrated),
// the environment lib/env.mjs wants, and an in-process sandbox. Import this
// before any lib/server module.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../db.mjs";
import { startEmbeddedPostgres } from "../lib/postgres.mjs";
import { freePort } from "../lib/stack.mjs";
import { createSandbox } from "../../sandbox/server";
import type { SandboxConfig } from "../../sandbox/config";
import { authorize } from "../../sandbox/testing";

type OAuthClient = { clientId: string; clientSecret: string; redirectUri: string };

/** `handle` signed in through the sandbox's OAuth: its user, its stored connection and its
 * workspace provisioned, as sign-in does. */
export async function provisionSignedIn(sandboxUrl: string, client: OAuthClient, handle: string, name = handle) {
  const { db } = await import("@/lib/server/db");
  const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");
  const { fanvueClient } = await import("@/lib/server/fanvue/client");
  const { getMe } = await import("@/lib/server/fanvue/users");
  const { provisionOnSignIn } = await import("@/lib/server/workspaces/provision");
  const { account, tokens } = await authorize(sandboxUrl, client, handle);
  const user = await db.user.create({ data: { name, handle, fanvueUuid: account.uuid } });
  const connection = await saveConnectionTokens({
    userId: user.id,
    fanvueUserUuid: account.uuid,
    tokens: {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token!,
      expiresAt: new Date(Date.now() + 3_600_000),
      scope: tokens.scope,
    },
  });
  await provisionOnSignIn(user.id, await getMe(fanvueClient({ connectionId: connection.id })), connection.id);
  return { user, connection, account, tokens };
}

export async function startBench(sandbox: Partial<SandboxConfig> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-bench-"));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), fast: true });
  await applyMigrations(pg.url);
  const client = {
    clientId: "bench",
    clientSecret: "bench-secret",
    redirectUri: "http://localhost:3999/api/auth/callback/fanvue",
  };
  const sb = await createSandbox({
    port: 0,
    clients: [{ ...client, redirectUris: [client.redirectUri], name: "bench" }],
    ...sandbox,
  });
  Object.assign(process.env, {
    NODE_ENV: "production",
    DATABASE_URL: pg.url,
    APP_URL: "http://localhost:3999",
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: `b1:${crypto.randomBytes(32).toString("base64")}`,
    FANVUE_CLIENT_ID: client.clientId,
    FANVUE_CLIENT_SECRET: client.clientSecret,
    FANVUE_API_BASE_URL: sb.url,
    FANVUE_AUTH_BASE_URL: sb.url,
    VUEDECK_WORKER: "0",
  });
  const admin = (p: string, body?: unknown, method = body === undefined ? "GET" : "POST") =>
    fetch(`${sb.url}/__sandbox${p}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then(
      (r) => (r.status === 204 ? null : r.json()),
    );

  /** A stored connection + provisioned workspace for a seeded account. */
  async function provision(handle: string) {
    const { db } = await import("@/lib/server/db");
    const { user, connection, account } = await provisionSignedIn(sb.url, client, handle);
    const workspace = await db.workspace.findUniqueOrThrow({
      where: { connectionId: connection.id },
      include: { creators: true },
    });
    await db.job.deleteMany({});
    return {
      user,
      connection,
      workspace,
      account,
      creators: Object.fromEntries(workspace.creators.map((c) => [c.handle, c])),
    };
  }

  return {
    sb,
    pg,
    admin,
    provision,
    async stop() {
      const { db } = await import("@/lib/server/db");
      await db.$disconnect();
      await sb.close();
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A sandbox as its own process (its own CPU, as Fanvue would be) with a big
 * audience, pointed at by the app's environment; `stopAll` ends it and the
 * bench. Import this before any lib/server module. */
export async function startSandboxProcess(
  bench: { stop: () => Promise<void> },
  o: {
    fans: number;
    limit: number;
    windowSec: number;
    client: { clientId: string; clientSecret: string; redirectUri: string };
    strict?: boolean;
  },
) {
  const env = {
    ...process.env,
    SANDBOX_PORT: "0",
    SANDBOX_FANS: String(o.fans),
    SANDBOX_RATE_LIMIT: String(o.limit),
    SANDBOX_RATE_WINDOW: String(o.windowSec),
    SANDBOX_STRICT: o.strict ? "1" : "0",
    SANDBOX_CLIENT_ID: o.client.clientId,
    SANDBOX_CLIENT_SECRET: o.client.clientSecret,
    SANDBOX_REDIRECT_URIS: o.client.redirectUri,
    SANDBOX_LOG: "0",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on(
      "data",
      (d) => (out += d) && /ready on (\S+)/.test(out) && resolve(/ready on (\S+)/.exec(out)![1]!),
    );
    child.once("exit", (c) => reject(new Error(`sandbox exited (${c}): ${out}`)));
  });
  Object.assign(process.env, {
    FANVUE_API_BASE_URL: url,
    FANVUE_AUTH_BASE_URL: url,
    FANVUE_CLIENT_ID: o.client.clientId,
    FANVUE_CLIENT_SECRET: o.client.clientSecret,
  });
  const stopAll = async () => (child.kill("SIGTERM"), await bench.stop());
  process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));
  // A crash must not leave the sandbox process behind.
  process.once("exit", () => child.kill("SIGTERM"));
  return { url, stopAll };
}

export function percentile(values: number[], p: number) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export async function timeIt(n: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
export const row = (label: string, value: string, note = "") =>
  console.log(`  ${label.padEnd(52)} ${value.padStart(14)}  ${note}`);
