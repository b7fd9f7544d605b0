#!/usr/bin/env node
// End-to-end run: build the app, start a throw-away stack (fresh embedded
// PostgreSQL, sandbox and `next start` on free ports), run Playwright against
// it, tear everything down. Exit code = Playwright's.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium } from "./lib/browser.mjs";
import { freePort, ROOT, startStack } from "./lib/stack.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const args = process.argv.slice(2);

let chromium;
try {
  chromium = findChromium();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}

if (process.env.E2E_SKIP_BUILD !== "1") {
  const t = Date.now();
  console.log("e2e: building the app (next build)…");
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`e2e: build done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-e2e-"));
fs.chmodSync(dataDir, 0o755);
const env = { ...process.env };
// The e2e stack always uses its own embedded database and the sandbox.
for (const k of [
  "DATABASE_URL",
  "FANVUE_CLIENT_ID",
  "FANVUE_CLIENT_SECRET",
  "FANVUE_API_BASE_URL",
  "FANVUE_AUTH_BASE_URL",
  "APP_URL",
])
  delete env[k];

const appLog = path.join(ROOT, "test-results", "e2e-app.log");
fs.mkdirSync(path.dirname(appLog), { recursive: true });
const logStream = fs.createWriteStream(appLog);
// Each line carries the time of day, to line it up with a failed test.
const stamp = () => new Date().toISOString().slice(11, 23);
let stack;
try {
  stack = await startStack({
    mode: "prod",
    dataDir,
    appPort: await freePort(),
    sandboxPort: await freePort(),
    env,
    fastPostgres: true,
    sandboxEnv: { SANDBOX_LOG: "0", SANDBOX_STRICT: "1" },
    onAppLine: (l) => logStream.write(`${stamp()} ${l}\n`),
    onSandboxLine: (l) => logStream.write(`${stamp()} [sandbox] ${l}\n`),
  });
} catch (err) {
  console.error(`e2e: the stack did not start: ${err.message}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}
console.log(
  `e2e: stack up in ${(stack.startedInMs / 1000).toFixed(1)} s (app ${stack.appUrl}, sandbox ${stack.sandboxUrl})`,
);

const pw = spawn(process.execPath, [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test", ...args], {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    E2E_BASE_URL: stack.appUrl,
    E2E_SANDBOX_URL: stack.sandboxUrl,
    E2E_DATABASE_URL: stack.databaseUrl,
    // The app server's process, for tests that measure its memory.
    E2E_APP_PID: String(stack.children.app.pid),
    // Secrets the security tests must never find in pages or bundles.
    E2E_SECRET_VALUES: JSON.stringify([
      stack.appEnv.AUTH_SECRET,
      stack.appEnv.FANVUE_CLIENT_SECRET,
      stack.appEnv.VAPID_PRIVATE_KEY,
      ...stack.appEnv.TOKEN_ENCRYPTION_KEYS.split(",").map((k) => k.split(":")[1]),
    ]),
    PLAYWRIGHT_CHROMIUM_EXECUTABLE: chromium,
  },
});
const forward = (sig) => pw.kill(sig);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
let code = await new Promise((resolve) => pw.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
if (!(await checkContract(stack.sandboxUrl))) code = code || 1;
await stack.stop();
await new Promise((resolve) => logStream.end(resolve));
fs.rmSync(dataDir, { recursive: true, force: true });
if (!reviewAppLog(appLog, code !== 0)) code = code || 1;
if (code !== 0) console.error(`e2e: failed (app log: ${path.relative(ROOT, appLog)})`);
process.exit(code);

/** A programming error thrown on the server (a TypeError while rendering a
 * page, say) fails the run even when every page looked right: the user saw
 * a 404 or a retry, but the code took a path it did not mean to. On a
 * failed run, the log's warnings and errors are printed too, since CI keeps
 * nothing but this output. */
function reviewAppLog(file, failed) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const bugs = lines.flatMap((l, i) =>
    /^\S+ ⨯ (TypeError|ReferenceError|RangeError|SyntaxError)\b/.test(l) ? [lines.slice(i, i + 3).join("\n    ")] : [],
  );
  for (const b of bugs) console.error(`e2e: the app threw ${b}`);
  if (failed || bugs.length) {
    const notable = lines.filter(
      (l) => /error|warn|refused|rate.?limit|429|5\d\d |timed? ?out|stalled/i.test(l) && !/^\S+ {4}at /.test(l),
    );
    console.error(`e2e: the app log's last ${Math.min(80, notable.length)} of ${notable.length} notable lines:`);
    for (const l of notable.slice(-80)) console.error("  " + l.slice(0, 240));
  }
  return bugs.length === 0;
}

/** Nothing the app sent during the run may carry a parameter or field that
 * Fanvue's reference does not document, and no answer the run relied on may
 * break it: the sandbox's findings (sandbox/contract.ts) must be empty. */
async function checkContract(sandboxUrl) {
  try {
    const [contract, calls] = await Promise.all(
      ["/__sandbox/contract", "/__sandbox/calls?summary=1"].map((p) => fetch(sandboxUrl + p).then((r) => r.json())),
    );
    const requests = contract.findings.filter((f) => f.kind === "request").length;
    const responses = contract.total - requests;
    // lastSeq counts every call of the run (tests clear the log itself between them).
    console.log(
      `e2e: ${calls.lastSeq} Fanvue calls; ${requests} carried an undocumented parameter or field, ${responses} answers broke the reference`,
    );
    if (contract.total === 0) return true;
    for (const [route, r] of Object.entries(contract.byRoute)) {
      console.error(
        `  ${route}: ${r.requests} requests${r.undocumented.length ? ` (${r.undocumented.join(", ")})` : ""}, ${r.responses} answers`,
      );
    }
    for (const f of contract.findings.filter((x) => x.kind === "response").slice(0, 5))
      console.error(`  answer of ${f.route}: ${f.problems.slice(0, 3).join("; ")}`);
    return false;
  } catch (err) {
    console.error(`e2e: could not read the sandbox's contract findings: ${err.message}`);
    return false;
  }
}
