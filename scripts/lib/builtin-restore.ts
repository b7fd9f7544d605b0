// Restores a built-in backup into an empty database: rebuilds the schema the
// backup was taken on (its own migrations, checked against the code's), loads
// every table with COPY in one transaction, checks each table's row count
// against the manifest, puts the sequences back, then applies the code's
// newer migrations. A failure rolls the rows back; the empty schema stays, so
// the restore can simply be run again.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { applyMigrations, migrationNames } from "../db.mjs";
import { ident, migrationMismatch } from "./backup-catalog";
import { BackupReader } from "./backup-reader";
import type { BackupManifest, BackupTable } from "./builtin-backup";
import { checkBuiltinTarget, describeTarget, RestoreRefused } from "./restore-target";

export type RestoreSummary = {
  manifest: BackupManifest;
  rows: number;
  /** Migrations of the code newer than the backup, applied after the rows were loaded. */
  laterMigrations: string[];
};

/** Loads the tables in the manifest's (foreign-key) order, constraints on, user triggers off. */
async function loadTables(
  db: pg.Client,
  manifest: BackupManifest,
  reader: BackupReader,
  onTable?: (t: BackupTable) => void,
) {
  const tables = manifest.tables.map((t) => `public.${ident(t.table)}`);
  // The rollup triggers (PerformanceDay, FanLedgerSummary, …) would add the
  // restored rows a second time to rollups that are restored as they were.
  // Foreign keys stay checked: they are system triggers, not USER ones.
  for (const t of tables) await db.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
  for (const t of manifest.tables) {
    await reader.tableHeader(t);
    const cols = t.columns.map(ident).join(", ");
    const ingest = db.query(copyFrom(`COPY public.${ident(t.table)} (${cols}) FROM STDIN`));
    await pipeline(Readable.from(reader.tableRows()), ingest);
    const { rows } = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${ident(t.table)}`);
    if (Number(rows[0]!.n) !== t.rows) {
      throw new Error(`${t.table}: the backup lists ${t.rows} rows, ${rows[0]!.n} were loaded.`);
    }
    onTable?.(t);
  }
  await reader.end(manifest);
  for (const s of manifest.sequences) {
    await db.query(`SELECT setval(format('public.%I', $1::text)::regclass, $2::bigint, $3)`, [
      s.name,
      s.lastValue,
      s.isCalled,
    ]);
  }
  for (const t of tables) await db.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
}

async function checkTarget(url: string, where: string, manifest: BackupManifest) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    checkBuiltinTarget(where, await describeTarget(db), manifest.migrations);
  } finally {
    await db.end();
  }
}

export async function restoreBuiltin(
  url: string,
  file: string,
  o: { where: string; onTable?: (t: BackupTable) => void },
): Promise<RestoreSummary> {
  const reader = new BackupReader(file);
  try {
    const manifest = await reader.manifest();
    const mismatch = migrationMismatch(manifest.migrations, migrationNames());
    if (mismatch) throw new RestoreRefused(`${mismatch} Nothing was changed.`);
    await checkTarget(url, o.where, manifest);
    await applyMigrations(url, { only: manifest.migrations });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await db.query("BEGIN");
      await loadTables(db, manifest, reader, o.onTable);
      await db.query("COMMIT");
    } catch (err) {
      await db.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      await db.end();
    }
    const laterMigrations = await applyMigrations(url);
    return { manifest, rows: manifest.tables.reduce((a, t) => a + t.rows, 0), laterMigrations };
  } finally {
    reader.close();
  }
}
