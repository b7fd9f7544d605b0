// A restore only ever writes into an empty database: it never merges with,
// or overwrites, rows that are already there. These checks say, before
// anything is written, why a database is not a valid target.
import pg from "pg";
import { appliedMigrations, ident, isPrefix, listTables } from "./backup-catalog";

export class RestoreRefused extends Error {}

export type TargetState = {
  tables: string[];
  /** Tables holding rows, with their counts (at most the first 5 are counted). */
  nonEmpty: { table: string; rows: number }[];
  /** Applied Prisma migrations; null when there is no `_prisma_migrations` table. */
  migrations: string[] | null;
};

export async function describeTarget(db: pg.Client): Promise<TargetState> {
  const tables = await listTables(db);
  const filled: string[] = [];
  for (const t of tables) {
    const { rows } = await db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM public.${ident(t)}) AS any`);
    if (rows[0]!.any) filled.push(t);
  }
  const nonEmpty = [];
  for (const table of filled.slice(0, 5)) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM public.${ident(table)}`);
    nonEmpty.push({ table, rows: Number(rows[0]!.n) });
  }
  const more = filled.length - nonEmpty.length;
  if (more > 0) nonEmpty.push({ table: `${more} more table${more > 1 ? "s" : ""}`, rows: NaN });
  return { tables, nonEmpty, migrations: await appliedMigrations(db) };
}

const NEW_DATABASE_HINT =
  "Restore into a new, empty database instead: for an external server, `createdb <name>` and point DATABASE_URL " +
  "at it; for the embedded one, stop `npm run dev`, move its cluster aside (mv .data/pg .data/pg.old; keep " +
  ".data/secrets.json, it holds the token keys) and run the restore again: it creates a new, empty cluster.";

function refuseNonEmpty(where: string, state: TargetState): never {
  const list = state.nonEmpty.map((t) => (Number.isNaN(t.rows) ? t.table : `${t.table} (${t.rows} rows)`)).join(", ");
  throw new RestoreRefused(`${where} is not empty: it holds ${list}. Nothing was changed.\n${NEW_DATABASE_HINT}`);
}

/**
 * The built-in restore accepts a database without tables, or Vuedeck's schema
 * with every table empty (a fresh `npm run dev` migrates before anyone signs
 * in) as long as it is not migrated past the backup.
 */
export function checkBuiltinTarget(where: string, state: TargetState, backupMigrations: string[]) {
  if (state.nonEmpty.length) refuseNonEmpty(where, state);
  if (!state.tables.length && !state.migrations?.length) return;
  if (!state.migrations) {
    throw new RestoreRefused(
      `${where} holds tables that are not Vuedeck's (${state.tables.slice(0, 5).join(", ")}). Nothing was changed.\n${NEW_DATABASE_HINT}`,
    );
  }
  if (!isPrefix(state.migrations, backupMigrations)) {
    const extra = state.migrations.filter((m) => !backupMigrations.includes(m));
    throw new RestoreRefused(
      `${where} is empty but already migrated past this backup (${extra.slice(0, 3).join(", ")}). ` +
        `The rows must be loaded into the schema they were saved from. Nothing was changed.\n${NEW_DATABASE_HINT}`,
    );
  }
}

/** pg_restore recreates every table itself: the database must have none. */
export function checkPgRestoreTarget(where: string, state: TargetState) {
  if (state.nonEmpty.length) refuseNonEmpty(where, state);
  if (state.tables.length || state.migrations) {
    const n = state.tables.length + (state.migrations ? 1 : 0);
    throw new RestoreRefused(
      `${where} already has ${n} tables (empty, e.g. migrated by npm run dev); pg_restore needs a database ` +
        `without any. Nothing was changed.\n${NEW_DATABASE_HINT}`,
    );
  }
}
