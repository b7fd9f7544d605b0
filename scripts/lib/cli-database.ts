// The database of a CLI command (`npm run export` / `import` / `backup` /
// `restore`), found as the app finds it: DATABASE_URL when set; else the
// embedded PostgreSQL of `npm run dev` (VUEDECK_DATA_DIR, default .data),
// reached on its port when dev runs, or started here for the command's
// duration when it does not. No Prisma here: backup and restore speak SQL.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./postgres.mjs";
import { freePort } from "./stack.mjs";

/** The port `npm run dev` gives the embedded PostgreSQL when it is free (scripts/lib/stack.mjs). */
const DEV_PG_PORT = 54329;
const DEV_URL = `postgresql://vuedeck:vuedeck@127.0.0.1:${DEV_PG_PORT}/vuedeck`;

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port }, () => (s.end(), resolve(true)));
    s.on("error", () => resolve(false));
  });

/** The data directory of the server answering on `url` (null: not ours to ask, or not answering). */
async function dataDirectoryOf(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    return fs.realpathSync(rows[0]!.dir);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Where a CLI command's database is, and how to let go of it (stops an embedded server it started). */
export type CliDatabaseUrl = { url: string; label: string; startedHere: boolean; stop: () => Promise<void> };

/**
 * DATABASE_URL, else the embedded PostgreSQL of `npm run dev` (on its port
 * when dev runs, else started here). `create`: may initialise a new embedded
 * cluster (an import or restore into a fresh VUEDECK_DATA_DIR).
 */
export async function findDatabaseUrl(o: { create: boolean }): Promise<CliDatabaseUrl> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      url: external,
      label: `DATABASE_URL (${new URL(external).host})`,
      startedHere: false,
      stop: async () => {},
    };
  }
  const dataDir = path.resolve(process.env.VUEDECK_DATA_DIR || ".data", "pg");
  const busy = await portOpen(DEV_PG_PORT);
  // The server on dev's port is ours only when it runs on this data dir (another VUEDECK_DATA_DIR's dev may hold the port).
  if (busy && fs.existsSync(dataDir) && (await dataDirectoryOf(DEV_URL)) === fs.realpathSync(dataDir)) {
    const label = `embedded PostgreSQL of npm run dev (port ${DEV_PG_PORT})`;
    return { url: DEV_URL, label, startedHere: false, stop: async () => {} };
  }
  if (!o.create && !fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`No database: set DATABASE_URL, or run npm run dev once (no data in ${dataDir}).`);
  }
  const server = await startEmbeddedPostgres({ dataDir, port: busy ? await freePort() : DEV_PG_PORT });
  const label = `embedded PostgreSQL (${dataDir}, started for this command)`;
  return { url: server.url, label, startedHere: true, stop: () => server.stop() };
}

/** .env and .env.local, as `npm run dev` reads them (variables already set win). */
export function loadDotEnv() {
  for (const file of [".env", ".env.local"]) {
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}
