// The bare Next app the benchmarks measure Vuedeck against (issue 23), built
// from the same node_modules (same Next and React) in .next-bundles-bare:
//   /              layout + page, no client code (bundles: first-load JS)
//   /table         a server-rendered page with a 25-row table, rendered per
//                  request (phone: the page every dashboard page is held to)
//   /table-client  the same table fetched from /api/rows after hydration
//                  (phone: what a page that loads its data on the client costs)
// No CSS framework, no fonts, no data layer: the floor any Next page sits on.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../lib/stack.mjs";

export const BARE_DIR = path.join(ROOT, ".next-bundles-bare");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

const FILES = {
  "next.config.mjs": "export default { distDir: '.next' };\n",
  // Its own (empty) hook: without one, Turbopack (rooted at the repository's lockfile) builds
  // Vuedeck's instrumentation.ts into the bare app, job worker, Prisma and env check included.
  "instrumentation.js": "export function register() {}\n",
  "app/layout.jsx": `export const metadata = { title: "Bare" };
export default function L({ children }) { return <html lang="en"><body>{children}</body></html>; }
`,
  "app/page.jsx": "export default function P() { return <main>Hello</main>; }\n",
  // 25 rows, like a first page of fans: what the dashboard's tables show.
  "app/rows.js": `const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
export function rows() {
  return Array.from({ length: 25 }, (_, i) => ({
    handle: "fan_" + String(i + 1).padStart(2, "0"),
    name: "Fan number " + (i + 1),
    spend: usd.format(((i * 7919) % 50000) / 100),
    since: new Date(Date.UTC(2026, i % 12, 1 + (i % 28))).toISOString().slice(0, 10),
  }));
}
`,
  "app/table-view.jsx": `export function TableView({ rows }) {
  return (
    <table>
      <caption>Fans</caption>
      <thead><tr><th scope="col">Handle</th><th scope="col">Name</th><th scope="col">Spend</th><th scope="col">Since</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.handle} data-testid="bare-row"><td>@{r.handle}</td><td>{r.name}</td><td>{r.spend}</td><td>{r.since}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
`,
  "app/table/page.jsx": `import { rows } from "../rows";
import { TableView } from "../table-view";
export const dynamic = "force-dynamic";
export default async function Page() {
  const data = await Promise.resolve(rows());
  return <main><h1>Fans</h1><TableView rows={data} /></main>;
}
`,
  "app/table-client/page.jsx": `import { ClientTable } from "./client-table";
export default function Page() { return <main><h1>Fans</h1><ClientTable /></main>; }
`,
  "app/table-client/client-table.jsx": `"use client";
import { useEffect, useState } from "react";
import { TableView } from "../table-view";
export function ClientTable() {
  const [rows, setRows] = useState(null);
  useEffect(() => { fetch("/api/rows").then((r) => r.json()).then(setRows); }, []);
  return rows ? <TableView rows={rows} /> : <p>Loading…</p>;
}
`,
  "app/api/rows/route.js": `import { rows } from "../../rows";
export const dynamic = "force-dynamic";
export function GET() { return Response.json(rows()); }
`,
};

/** A build from these sources, newer than the installed Next (an upgrade rebuilds it). */
const unchanged = (dir) =>
  fs.existsSync(path.join(dir, ".next/BUILD_ID")) &&
  fs.statSync(path.join(dir, ".next/BUILD_ID")).mtimeMs >
    fs.statSync(path.join(ROOT, "node_modules/next/package.json")).mtimeMs &&
  Object.entries(FILES).every(([file, text]) => {
    const p = path.join(dir, file);
    return fs.existsSync(p) && fs.readFileSync(p, "utf8") === text;
  });

/** Writes the bare app's sources into `dir` (emptied first) and builds it into `dir/.next`.
 * `reuse`: keep a build made from these same sources (the phone benchmark; BENCH_BUILD=1 rebuilds). */
export function buildBareApp(dir = BARE_DIR, { reuse = false } = {}) {
  if (reuse && process.env.BENCH_BUILD !== "1" && unchanged(dir)) return path.join(dir, ".next");
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  console.log(`bench: next build into ${path.relative(ROOT, dir)}/.next…`);
  const env = { ...process.env, NEXT_DIST_DIR: ".next", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"], env });
  if (r.status !== 0) throw new Error(`bare app: next build failed (exit ${r.status})`);
  return path.join(dir, ".next");
}

/** `next start` on the bare app's build; resolves once it answers. */
export async function startBareApp(port, dir = BARE_DIR) {
  const env = { ...process.env, NEXT_DIST_DIR: ".next", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port)], {
    cwd: dir,
    env,
    stdio: "ignore",
  });
  const url = `http://localhost:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bare app exited (code ${child.exitCode})`);
    const ok = await fetch(`${url}/table`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error("bare app did not answer /table within 60 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop };
}
