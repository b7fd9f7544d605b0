// The built-in backup format, for when no pg_dump matches the server (the
// embedded PostgreSQL 18 of `npm run dev` has none). One gzip file:
//
//   VUEDECK-BACKUP 1                     magic and format version
//   {manifest}                           one JSON line (BackupManifest)
//   {"table":"User","columns":[…],"rows":2}
//   …rows in COPY text format…           exactly as `COPY … TO STDOUT` writes them
//   \.                                   end of the table (never a data line in COPY text)
//   … the next table …
//   {"end":true,"tables":52,"rows":1234}
//
// Everything is read in one REPEATABLE READ transaction (one snapshot, like
// pg_dump), so the manifest's row counts are exactly the rows that follow.
// Rows stream from PostgreSQL into gzip and the file: no table is held in memory.
import fs from "node:fs";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import {
  appliedMigrations,
  ident,
  listColumns,
  readSequences,
  tablesInDependencyOrder,
  type SequenceState,
} from "./backup-catalog";

export const BACKUP_MAGIC = "VUEDECK-BACKUP";
export const BACKUP_FORMAT_VERSION = 1;

export type BackupTable = { table: string; columns: string[]; rows: number };

export type BackupManifest = {
  format: "vuedeck-backup";
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  serverVersion: string;
  database: string;
  /** Applied Prisma migrations, oldest first: the schema the rows belong to. */
  migrations: string[];
  /** In foreign-key order: parents before the tables that reference them. */
  tables: BackupTable[];
  sequences: SequenceState[];
};

async function readManifest(db: pg.Client, appVersion: string): Promise<BackupManifest> {
  const migrations = await appliedMigrations(db);
  if (!migrations) throw new Error("This database has no _prisma_migrations table: it is not a Vuedeck database.");
  const order = await tablesInDependencyOrder(db);
  // Like pg_dump: no table can be dropped or altered while we read it.
  if (order.length)
    await db.query(`LOCK TABLE ${order.map((t) => `public.${ident(t)}`).join(", ")} IN ACCESS SHARE MODE`);
  const tables: BackupTable[] = [];
  for (const table of order) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${ident(table)}`);
    tables.push({ table, columns: await listColumns(db, table), rows: Number(rows[0]!.n) });
  }
  const info = await db.query<{ v: string; db: string }>(
    `SELECT current_setting('server_version') AS v, current_database() AS db`,
  );
  return {
    format: "vuedeck-backup",
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    appVersion,
    serverVersion: info.rows[0]!.v,
    database: info.rows[0]!.db,
    migrations,
    tables,
    sequences: await readSequences(db),
  };
}

/** Writes a built-in backup of `url` to `file` (via `file.partial`, renamed once complete). */
export async function writeBuiltinBackup(
  url: string,
  file: string,
  o: { appVersion: string; onTable?: (t: BackupTable) => void },
): Promise<BackupManifest> {
  const db = new pg.Client({ connectionString: url });
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip({ level: 6 });
  const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => undefined); // awaited below; an early failure also surfaces through gzip.write
  const put = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, "drain");
  };
  try {
    await db.connect();
    await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const manifest = await readManifest(db, o.appVersion);
    await put(`${BACKUP_MAGIC} ${BACKUP_FORMAT_VERSION}\n${JSON.stringify(manifest)}\n`);
    for (const t of manifest.tables) {
      await put(`${JSON.stringify(t)}\n`);
      const cols = t.columns.map(ident).join(", ");
      const rows = db.query(copyTo(`COPY public.${ident(t.table)} (${cols}) TO STDOUT`));
      for await (const chunk of rows) await put(chunk as Buffer);
      if (rows.rowCount !== t.rows) {
        throw new Error(`${t.table}: counted ${t.rows} rows but COPY wrote ${rows.rowCount} (snapshot broken?)`);
      }
      await put("\\.\n");
      o.onTable?.(t);
    }
    const total = manifest.tables.reduce((a, t) => a + t.rows, 0);
    await put(`${JSON.stringify({ end: true, tables: manifest.tables.length, rows: total })}\n`);
    await db.query("COMMIT");
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return manifest;
  } catch (err) {
    gzip.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    await db.end().catch(() => undefined);
  }
}
