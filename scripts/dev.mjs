#!/usr/bin/env node
// `npm run dev`: embedded PostgreSQL (unless DATABASE_URL), migrations, the
// Fanvue sandbox (unless FANVUE_CLIENT_ID), and `next dev` — one banner, one
// Ctrl-C to stop them all.
import fs from "node:fs";
import path from "node:path";
import { ROOT, startStack } from "./lib/stack.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
for (const file of [".env", ".env.local"]) {
  const p = path.join(ROOT, file);
  if (fs.existsSync(p)) process.loadEnvFile(p);
}

const env = process.env;
const dataDir = path.resolve(ROOT, env.VUEDECK_DATA_DIR || ".data");
const num = (name, fallback) => {
  const v = env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    console.error(`${name} must be a port number (1-65535), got "${v}".`);
    process.exit(2);
  }
  return n;
};
const appPort = num("PORT", 3000);
const sandboxPort = num("SANDBOX_PORT", 4010);

const dim = (s) => `\x1b[2m${s}\x1b[0m`;
const bold = (s) => `\x1b[1m${s}\x1b[0m`;
const green = (s) => `\x1b[32m${s}\x1b[0m`;

console.log(dim("Starting Vuedeck…"));
let stack;
try {
  stack = await startStack({
    mode: "dev",
    dataDir,
    appPort,
    sandboxPort,
    env,
    onAppLine: (line) => {
      // After the banner, pass the app's own output through.
      if (stack) console.log(dim("[app] ") + line);
    },
    onSandboxLine: (line) => {
      if (stack && !line.includes("ready on")) console.log(dim("[sandbox] ") + line);
    },
  });
} catch (err) {
  console.error(`\n\x1b[31mVuedeck could not start:\x1b[0m ${err.message}`);
  process.exit(1);
}

const rows = [
  ["App", bold(stack.appUrl)],
  ["Database", stack.database.kind === "embedded" ? stack.database.label : `DATABASE_URL (${stack.database.label})`],
  ["Migrations", stack.appliedMigrations.length ? `applied ${stack.appliedMigrations.length} new` : "up to date"],
  [
    "Fanvue",
    stack.realFanvue
      ? `real Fanvue (${env.FANVUE_API_BASE_URL || "https://api.fanvue.com"})`
      : `sandbox with demo data at ${stack.sandboxUrl} — sign in as @luna (creator) or @atlas (agency)`,
  ],
  ["Ready in", `${(stack.startedInMs / 1000).toFixed(1)} s`],
];
console.log(`\n  ${green("●")} ${bold("Vuedeck is running")}\n`);
for (const [k, v] of rows) console.log(`  ${dim(k.padEnd(11))}${v}`);
console.log(`\n  ${dim("Press Ctrl-C to stop everything.")}\n`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(dim(`\nStopping (${signal})…`));
  await stack.stop();
  console.log(dim("Stopped."));
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
stack.children.app.on("exit", (code) => {
  if (!stopping) {
    console.error(`The app exited (code ${code}). Stopping the rest.`);
    void shutdown("app exit");
  }
});
