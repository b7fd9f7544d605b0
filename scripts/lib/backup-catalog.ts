// What a Vuedeck database holds, read from PostgreSQL's catalog: its tables
// (in foreign-key order, so a restore can load parents first with the
// constraints on), their columns, sequences and applied Prisma migrations.
import pg from "pg";

/** `_prisma_migrations` is rebuilt by applying the migrations, never copied. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export const ident = (name: string) => pg.escapeIdentifier(name);

type Queryable = Pick<pg.Client, "query">;

/** Public tables (not Prisma's migrations table). */
export async function listTables(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1
     ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((r) => r.name);
}

/** Columns a COPY can write (generated columns are computed, not loaded). */
export async function listColumns(db: Queryable, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = format('public.%I', $1::text)::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

/** Foreign keys between public tables, as [child, parent] (self-references left out). */
async function listForeignKeys(db: Queryable): Promise<[string, string][]> {
  const { rows } = await db.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
  );
  return rows.map((r) => [r.child, r.parent]);
}

/**
 * Tables with every table after the ones it references (Kahn's algorithm,
 * alphabetical among equals so the order is stable). A cycle of foreign keys
 * cannot be loaded with the constraints on: it is reported, not guessed.
 */
export function dependencyOrder(tables: string[], foreignKeys: [string, string][]): string[] {
  const known = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const [child, parent] of foreignKeys) {
    if (child !== parent && known.has(child) && known.has(parent)) parents.get(child)!.add(parent);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p)));
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t));
      throw new Error(`Foreign keys form a cycle between ${left.join(", ")}; the built-in backup cannot order them.`);
    }
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

export async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  return dependencyOrder(await listTables(db), await listForeignKeys(db));
}

export type SequenceState = { name: string; lastValue: string; isCalled: boolean };

/** Every public sequence's position (serial ids), so restored rows and new ones never collide. */
export async function readSequences(db: Queryable): Promise<SequenceState[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  const out: SequenceState[] = [];
  for (const { name } of rows) {
    const { rows: s } = await db.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM public.${ident(name)}`,
    );
    out.push({ name, lastValue: s[0]!.last_value, isCalled: s[0]!.is_called });
  }
  return out;
}

/** Applied migrations, oldest first; null when the database has no `_prisma_migrations`. */
export async function appliedMigrations(db: Queryable): Promise<string[] | null> {
  const { rows: exists } = await db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [
    `public.${MIGRATIONS_TABLE}`,
  ]);
  if (!exists[0]?.t) return null;
  const { rows } = await db.query<{ name: string }>(
    `SELECT migration_name AS name FROM public.${ident(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** `a` equals `b` or is its beginning. */
export const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((x, i) => x === b[i]);

/** Why a backup taken on `backup` migrations cannot be restored by code that has `code`; null when it can. */
export function migrationMismatch(backup: string[], code: string[]): string | null {
  if (isPrefix(backup, code)) return null;
  const i = backup.findIndex((x, j) => x !== code[j]);
  const unknown = backup.filter((m) => !code.includes(m));
  return (
    `This backup's database had migration ${backup[i]} (number ${i + 1}), which this code ` +
    (unknown.length
      ? `does not have (${unknown.length} unknown: ${unknown.slice(0, 3).join(", ")}${unknown.length > 3 ? ", …" : ""}). ` +
        "Restore it with the Vuedeck version that made it, or a newer one."
      : `has in another order (expected ${code[i] ?? "nothing"}).`)
  );
}
