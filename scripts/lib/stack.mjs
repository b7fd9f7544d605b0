// Starts the whole local stack: PostgreSQL (embedded unless DATABASE_URL is
// set), migrations, the Fanvue sandbox (unless real Fanvue credentials are
// set) and the Next.js app. Shared by `npm run dev` and the e2e runner.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../db.mjs";
import { startEmbeddedPostgres } from "./postgres.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Resolves when `port` can be bound on `host`; rejects with a message naming `envName`. */
export function assertPortFree(port, envName, host = "127.0.0.1") {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", (err) => {
      if (err.code === "EADDRINUSE") {
        reject(
          new Error(
            `Port ${port} is already in use. Stop what is using it, or set ${envName} to a free port (e.g. ${envName}=${port + 1}).`,
          ),
        );
      } else reject(err);
    });
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

/** An unused TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Secrets generated on first run and kept in the data dir (demo mode only;
 * production sets them in the environment). */
export function loadOrCreateSecrets(dataDir) {
  const file = path.join(dataDir, "secrets.json");
  let secrets = {};
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, "utf8"));
  let changed = false;
  const ensure = (key, make) => {
    if (!secrets[key]) {
      secrets[key] = make();
      changed = true;
    }
  };
  ensure("AUTH_SECRET", () => crypto.randomBytes(32).toString("base64url"));
  ensure("TOKEN_ENCRYPTION_KEYS", () => `local1:${crypto.randomBytes(32).toString("base64")}`);
  ensure("SANDBOX_CLIENT_SECRET", () => crypto.randomBytes(24).toString("base64url"));
  ensure("FANVUE_WEBHOOK_SECRET", () => `whsec_${crypto.randomBytes(24).toString("base64url")}`);
  // Web Push (VAPID): a P-256 pair, the public key uncompressed (65 bytes), both URL-safe base64.
  if (!secrets.VAPID_PUBLIC_KEY || !secrets.VAPID_PRIVATE_KEY) {
    const ecdh = crypto.createECDH("prime256v1");
    ecdh.generateKeys();
    secrets.VAPID_PUBLIC_KEY = ecdh.getPublicKey("base64url", "uncompressed");
    const key = ecdh.getPrivateKey(); // may come shorter than 32 bytes (leading zeros)
    secrets.VAPID_PRIVATE_KEY = Buffer.concat([Buffer.alloc(32 - key.length), key]).toString("base64url");
    changed = true;
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}

/** Spawns a child and resolves once `readyLine` appears on its output. */
function spawnUntilReady(name, cmd, args, { env, readyLine, timeoutMs = 120_000, onLine }) {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const tail = [];
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not become ready within ${timeoutMs / 1000} s.\n${tail.join("\n")}`)),
      timeoutMs,
    );
    const onData = (buf) => {
      for (const line of buf.toString().split("\n")) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        onLine?.(line);
        if (readyLine.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready.\n${tail.slice(-15).join("\n")}`),
      );
    });
  });
  return { child, ready };
}

function stopChild(child, signal = "SIGTERM", graceMs = 8_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * @param {object} o
 * @param {"dev"|"prod"} o.mode      next dev, or next start on a prior build
 * @param {string} o.dataDir          embedded Postgres data and local secrets
 * @param {number} o.appPort
 * @param {number} o.sandboxPort
 * @param {NodeJS.ProcessEnv} o.env   the environment (DATABASE_URL, FANVUE_* …)
 * @param {Record<string,string>} [o.sandboxEnv] extra SANDBOX_* settings
 * @param {boolean} [o.fastPostgres]  test clusters: no fsync
 * @param {(line: string) => void} [o.onAppLine]
 * @param {(line: string) => void} [o.onSandboxLine]
 */
export async function startStack(o) {
  const started = Date.now();
  const running = { pg: null, sandbox: null, app: null };
  const stop = async () => {
    await Promise.all([stopChild(running.app), stopChild(running.sandbox)]);
    if (running.pg) await running.pg.stop().catch(() => undefined);
  };
  try {
    const realFanvue = Boolean(o.env.FANVUE_CLIENT_ID);
    if (realFanvue && !o.env.FANVUE_CLIENT_SECRET) {
      throw new Error(
        "FANVUE_CLIENT_ID is set but FANVUE_CLIENT_SECRET is not. Set both (real Fanvue) or neither (sandbox).",
      );
    }
    await assertPortFree(o.appPort, "PORT");
    if (!realFanvue) await assertPortFree(o.sandboxPort, "SANDBOX_PORT");
    const secrets = loadOrCreateSecrets(o.dataDir);
    const { databaseUrl, database } = await startDatabase(o, running);
    const applied = await applyMigrations(databaseUrl);
    const appUrl = `http://localhost:${o.appPort}`;
    const { sandboxUrl, fanvueEnv } = realFanvue
      ? { sandboxUrl: null, fanvueEnv: {} }
      : await startSandbox(o, running, secrets, appUrl);
    const appEnv = await startApp(o, running, secrets, { appUrl, databaseUrl, fanvueEnv });
    return {
      appUrl,
      sandboxUrl,
      databaseUrl,
      database,
      appliedMigrations: applied,
      realFanvue,
      appEnv,
      children: running,
      startedInMs: Date.now() - started,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** 1. The database: DATABASE_URL when set, else an embedded PostgreSQL in the data folder. */
async function startDatabase(o, running) {
  if (o.env.DATABASE_URL) {
    const u = new URL(o.env.DATABASE_URL);
    return {
      databaseUrl: o.env.DATABASE_URL,
      database: { kind: "external", label: `${u.hostname}:${u.port || 5432}${u.pathname}` },
    };
  }
  const pgDir = path.join(o.dataDir, "pg");
  // A stable port when free (handy for psql), any free one otherwise.
  const pgPort = o.fastPostgres
    ? await freePort()
    : await assertPortFree(54329, "").then(
        () => 54329,
        () => freePort(),
      );
  running.pg = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, fast: o.fastPostgres });
  return {
    databaseUrl: running.pg.url,
    database: {
      kind: "embedded",
      label: `embedded PostgreSQL (${path.relative(ROOT, pgDir) || pgDir}, port ${pgPort})`,
    },
  };
}

/** 2. Fanvue: the sandbox (when no real credentials are set), and the app's settings for it. */
async function startSandbox(o, running, secrets, appUrl) {
  const sandboxUrl = `http://127.0.0.1:${o.sandboxPort}`;
  const clientId = "vuedeck-local";
  const sandbox = spawnUntilReady("Fanvue sandbox", process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    env: {
      ...o.env,
      SANDBOX_PORT: String(o.sandboxPort),
      SANDBOX_CLIENT_ID: clientId,
      SANDBOX_CLIENT_SECRET: secrets.SANDBOX_CLIENT_SECRET,
      SANDBOX_REDIRECT_URIS: `${appUrl}/api/auth/callback/fanvue`,
      SANDBOX_WEBHOOK_SECRET: secrets.FANVUE_WEBHOOK_SECRET,
      SANDBOX_WEBHOOK_URL: `${appUrl}/api/webhooks/fanvue`,
      ...o.sandboxEnv,
    },
    readyLine: /\[sandbox\] ready on/,
    timeoutMs: 60_000,
    onLine: o.onSandboxLine,
  });
  running.sandbox = sandbox.child;
  await sandbox.ready;
  const fanvueEnv = {
    FANVUE_CLIENT_ID: clientId,
    FANVUE_CLIENT_SECRET: secrets.SANDBOX_CLIENT_SECRET,
    FANVUE_API_BASE_URL: sandboxUrl,
    FANVUE_AUTH_BASE_URL: sandboxUrl,
    FANVUE_WEBHOOK_SECRET: secrets.FANVUE_WEBHOOK_SECRET,
    VUEDECK_SANDBOX: "1",
    SANDBOX_ADMIN_URL: sandboxUrl,
  };
  return { sandboxUrl, fanvueEnv };
}

/** 3. The app (`next dev` or `next start`), ready to answer; returns its environment. */
async function startApp(o, running, secrets, { appUrl, databaseUrl, fanvueEnv }) {
  const appEnv = {
    ...o.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: o.env.APP_URL || appUrl,
    AUTH_URL: o.env.APP_URL || appUrl,
    AUTH_SECRET: o.env.AUTH_SECRET || secrets.AUTH_SECRET,
    TOKEN_ENCRYPTION_KEYS: o.env.TOKEN_ENCRYPTION_KEYS || secrets.TOKEN_ENCRYPTION_KEYS,
    // A pair: both from the environment, or both generated.
    ...(o.env.VAPID_PUBLIC_KEY
      ? {}
      : { VAPID_PUBLIC_KEY: secrets.VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: secrets.VAPID_PRIVATE_KEY }),
    ...fanvueEnv,
    PORT: String(o.appPort),
    // A production server keeps its heap bounded: V8 otherwise grows it
    // lazily toward a quarter of the machine's memory. 384 MB of old space
    // holds Vuedeck's working set with room (exports and syncs stream);
    // the process stays near 450 MB resident (README "Running in production").
    ...(o.mode === "prod" && !/max-old-space-size/.test(o.env.NODE_OPTIONS ?? "")
      ? { NODE_OPTIONS: `${o.env.NODE_OPTIONS ?? ""} --max-old-space-size=384`.trim() }
      : {}),
  };
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  // Production keeps idle connections 75 s (as `npm start` does): with Node's 5 s default, a client
  // that reuses a kept-alive socket just as the server closes it gets ECONNRESET (CI met it, a
  // Playwright request a few seconds after the previous one); behind a load balancer, the
  // server's timeout must outlast the balancer's (60 s is common).
  const args =
    o.mode === "dev"
      ? ["dev", "--port", String(o.appPort)]
      : ["start", "--port", String(o.appPort), "--keepAliveTimeout", "75000"];
  const app = spawnUntilReady("Next.js app", process.execPath, [nextBin, ...args], {
    env: appEnv,
    readyLine: /Ready in|✓ Ready/,
    timeoutMs: 120_000,
    onLine: o.onAppLine,
  });
  running.app = app.child;
  await app.ready;
  return appEnv;
}
