// PostgreSQL's own client programs (pg_dump, pg_restore), found where they
// usually are and matched to the server: pg_dump refuses a server of a newer
// major version, and pg_restore cannot read an archive of a newer pg_dump.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type PgTool = { path: string; major: number; version: string };
export type PgToolName = "pg_dump" | "pg_restore";

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15.18 */
async function versionOf(bin: string): Promise<PgTool | null> {
  try {
    const { stdout } = await run(bin, ["--version"], { timeout: 10_000 });
    const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
    return m ? { path: bin, major: Number(m[1]), version: `${m[1]}.${m[2] ?? 0}` } : null;
  } catch {
    return null;
  }
}

/** Where to look, in order: PG_DUMP / PG_RESTORE, PG_BIN, Debian's versioned dirs (newest first), PATH. */
function candidates(name: PgToolName): string[] {
  const own = process.env[name === "pg_dump" ? "PG_DUMP" : "PG_RESTORE"];
  const list = own ? [own] : [];
  if (process.env.PG_BIN) list.push(path.join(process.env.PG_BIN, name));
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) list.push(path.join(debian, v, "bin", name));
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) list.push(path.join(dir, name));
  // One entry per program (/bin is often /usr/bin).
  const seen = new Set<string>();
  return list.filter((p) => {
    if (!fs.existsSync(p)) return false;
    const real = fs.realpathSync(p);
    return !seen.has(real) && Boolean(seen.add(real));
  });
}

/** Every copy of `name` found, with its version (first the preferred ones). */
export async function findPgTools(name: PgToolName): Promise<PgTool[]> {
  const found = await Promise.all(candidates(name).map(versionOf));
  return found.filter((t): t is PgTool => t !== null);
}

/** The first copy of `name` whose major version is at least `minMajor`, or null. */
export async function findPgTool(name: PgToolName, minMajor: number): Promise<PgTool | null> {
  return (await findPgTools(name)).find((t) => t.major >= minMajor) ?? null;
}

/** How to get client programs of a given major version, for messages. */
export const howToGetClient = (major: number) =>
  `install postgresql-client-${major} from apt.postgresql.org (https://wiki.postgresql.org/wiki/Apt), ` +
  `or point PG_BIN at a directory holding pg_dump/pg_restore ${major} or newer`;

/** libpq settings for a child process: the URL without its password, which goes in PGPASSWORD (not on a command line `ps` shows). */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a client program; rejects with its stderr's tail. */
export async function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv) {
  try {
    return await run(tool.path, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const tail = (e.stderr ?? "").trim().split("\n").slice(-8).join("\n");
    throw new Error(`${path.basename(tool.path)} ${tool.version} failed:\n${tail || e.message}`, { cause: err });
  }
}
