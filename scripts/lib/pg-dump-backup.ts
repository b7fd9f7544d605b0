// Backups through PostgreSQL's own tools when a matching version is here:
// pg_dump's custom format (-Fc: compressed, restorable table by table), and
// pg_restore into an empty database.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations, migrationNames } from "../db.mjs";
import { ident, listTables, migrationMismatch } from "./backup-catalog";
import { findPgTools, howToGetClient, libpqTarget, runPgTool, type PgTool } from "./pg-tools";
import { checkPgRestoreTarget, describeTarget, RestoreRefused } from "./restore-target";

/** pg_restore's listing of an archive: how many tables it holds, and which pg_dump made it. */
async function listArchive(tool: PgTool, file: string) {
  const { stdout } = await runPgTool(tool, ["--list", file], process.env);
  const dumpedBy = /Dumped by pg_dump version:\s*(\d+)(?:\.(\d+))?/.exec(stdout);
  const from = /Dumped from database version:\s*(\S+)/.exec(stdout);
  return {
    tables: stdout.split("\n").filter((l) => / TABLE DATA public /.test(l)).length,
    dumpedByMajor: dumpedBy ? Number(dumpedBy[1]) : 0,
    dumpedBy: dumpedBy ? `${dumpedBy[1]}.${dumpedBy[2] ?? 0}` : "?",
    serverVersion: from?.[1] ?? "?",
  };
}

/** Runs pg_dump -Fc into `file` (via `file.partial`); returns the number of tables it holds. */
export async function dumpWithPgDump(tool: PgTool, url: string, file: string) {
  const { dbname, env } = libpqTarget(url);
  const partial = `${file}.partial`;
  try {
    await runPgTool(tool, ["--format=custom", "--compress=6", `--file=${partial}`, `--dbname=${dbname}`], env);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  // pg_restore sits beside pg_dump (same package, same version).
  const restore = { ...tool, path: path.join(path.dirname(tool.path), "pg_restore") };
  return fs.existsSync(restore.path) ? (await listArchive(restore, file)).tables : null;
}

/** The applied migrations recorded in an archive's `_prisma_migrations` (null: the archive has none). */
async function archiveMigrations(tool: PgTool, file: string): Promise<string[] | null> {
  const { stdout } = await runPgTool(
    tool,
    ["--data-only", "--table=_prisma_migrations", "--file=-", file],
    process.env,
  );
  const lines = stdout.split("\n");
  const start = lines.findIndex((l) => l.startsWith("COPY public._prisma_migrations "));
  if (start < 0) return null;
  const cols = /\(([^)]*)\)/
    .exec(lines[start]!)![1]!
    .split(",")
    .map((c) => c.trim());
  const [name, finished, rolledBack] = ["migration_name", "finished_at", "rolled_back_at"].map((c) => cols.indexOf(c));
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const f = line.split("\t");
    if (f[finished!] !== "\\N" && f[rolledBack!] === "\\N") names.push(f[name!]!);
  }
  return names.sort();
}

/** The newest pg_restore here, checked against the pg_dump that made `file`. */
async function pickPgRestore(file: string) {
  const tools = (await findPgTools("pg_restore")).sort((a, b) => b.major - a.major);
  const tool = tools[0];
  if (!tool) throw new RestoreRefused(`No pg_restore found to read ${file}: ${howToGetClient(15)}.`);
  const archive = await listArchive(tool, file).catch((err: Error) => {
    throw new RestoreRefused(
      `pg_restore ${tool.version} cannot read ${file} (made by a newer pg_dump?): ${err.message.split("\n").pop()}\n` +
        `Use the pg_restore of the pg_dump that made it: ${howToGetClient(tool.major + 1)}.`,
    );
  });
  if (tool.major < archive.dumpedByMajor) {
    throw new RestoreRefused(
      `${file} was made by pg_dump ${archive.dumpedBy}; the newest pg_restore here is ${tool.version}. ` +
        `${howToGetClient(archive.dumpedByMajor)}.`,
    );
  }
  return { tool, archive };
}

async function countRows(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    let rows = 0;
    const tables = await listTables(db);
    for (const t of tables) {
      const r = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${ident(t)}`);
      rows += Number(r.rows[0]!.n);
    }
    return { tables: tables.length, rows };
  } finally {
    await db.end();
  }
}

async function checkTarget(url: string, where: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    checkPgRestoreTarget(where, await describeTarget(db));
  } finally {
    await db.end();
  }
}

/** pg_restore into an empty database, in one transaction, then the code's newer migrations. */
export async function restoreWithPgRestore(url: string, file: string, o: { where: string }) {
  const { tool, archive } = await pickPgRestore(file);
  const migrations = await archiveMigrations(tool, file);
  if (!migrations) throw new RestoreRefused(`${file} holds no _prisma_migrations table: it is not a Vuedeck backup.`);
  const mismatch = migrationMismatch(migrations, migrationNames());
  if (mismatch) throw new RestoreRefused(`${mismatch} Nothing was changed.`);
  await checkTarget(url, o.where);
  const { dbname, env } = libpqTarget(url);
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`, file];
  await runPgTool(tool, args, env);
  const laterMigrations = await applyMigrations(url);
  return { tool, archive, migrations, laterMigrations, ...(await countRows(url)) };
}
