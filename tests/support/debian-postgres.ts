// A throwaway cluster of Debian's PostgreSQL 15 (the documented external
// server), for tests of the pg_dump path: initdb + pg_ctl in a temp dir on a
// free port. PostgreSQL refuses to run as root, so as root the programs run
// as the OS user `postgres` (spawn's uid/gid). Null when it is not installed.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "../../scripts/lib/stack.mjs";

const run = promisify(execFile);
export const DEBIAN_PG15_BIN = "/usr/lib/postgresql/15/bin";

function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("running as root, and there is no `postgres` user to run PostgreSQL 15 as");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startDebianPostgres15() {
  if (!fs.existsSync(path.join(DEBIAN_PG15_BIN, "pg_ctl"))) return null;
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-pg15-"));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  fs.mkdirSync(data, { mode: 0o700 });
  if (user.uid !== undefined) fs.chownSync(data, user.uid, user.gid!);
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid!);
  const bin = (name: string) => path.join(DEBIAN_PG15_BIN, name);
  const opts = { ...user, cwd: dir, timeout: 30_000 };
  // trust: a loopback-only cluster that lives for one test file.
  await run(bin("initdb"), ["-D", data, "-U", "vuedeck", "--auth=trust", "-E", "UTF8", "--no-sync"], opts);
  const port = await freePort();
  const settings = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
  await run(bin("pg_ctl"), ["-D", data, "-o", settings, "-l", path.join(dir, "log"), "-w", "start"], opts);
  const url = (db: string) => `postgresql://vuedeck@127.0.0.1:${port}/${db}`;
  return {
    url,
    async createDatabase(name: string) {
      const admin = new pg.Client({ connectionString: url("postgres") });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      return url(name);
    },
    async stop() {
      await run(bin("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], opts).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
