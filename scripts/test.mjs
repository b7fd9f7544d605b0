#!/usr/bin/env node
// `npm test`: format check (Prettier), lint, type check, unit + integration tests (Vitest, real PostgreSQL and
// sandbox), then end-to-end tests (Playwright in Chromium against a built app).
// Stops at the first failing step and exits non-zero.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./lib/stack.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// Every step runs the sandbox in strict mode (see sandbox/contract.ts).
process.env.SANDBOX_STRICT = "1";
const bin = (p) => path.join(ROOT, "node_modules", p);
const steps = [
  ["format (prettier --check)", [bin("prettier/bin/prettier.cjs"), "--check", "--log-level", "warn", "."]],
  ["lint (eslint)", [bin("eslint/bin/eslint.js"), "."]],
  ["typecheck", [bin("typescript/bin/tsc"), "--noEmit"]],
  ["unit + integration (vitest)", [bin("vitest/vitest.mjs"), "run"]],
  ["end-to-end (playwright)", [path.join(ROOT, "scripts/e2e.mjs")]],
];

const results = [];
for (const [name, args] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: process.env });
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  results.push(`${r.status === 0 ? "✓" : "✗"} ${name} (${secs} s)`);
  if (r.status !== 0) {
    console.error(`\n${results.join("\n")}\n\n✗ ${name} failed.`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n${results.join("\n")}\n\nAll tests passed.`);
