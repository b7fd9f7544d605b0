// Checks the literal text of our raw SQL (tests/support/sql-fragments.ts) against the real,
// migrated database:
//  (a) every double-quoted identifier "X" is a table, a column of some table, an enum type, or a
//      name the same file declares (`AS "x"`, a CTE `"x" AS (`, a column list `AS r("x" text)`);
//  (b) every qualified reference `alias.col` / `alias."col"` / `"Table".col` / `EXCLUDED.col`
//      names a column of its table (or of its column list `AS x("a" text)`), when the alias resolves
//      to one source without doubt: bound by `FROM|JOIN|UPDATE|INTO "Table" [AS] alias` (or the
//      column list) in the same fragment, else anywhere in the file; otherwise it is not checked.
// Unquoted names fold to lower case, as PostgreSQL folds them. String literals, comments and
// `${…}` (bind parameters) are not SQL names and are skipped.
import pg from "pg";
import type { Fragment } from "./sql-fragments";

export type Schema = {
  tables: Map<string, Set<string>>;
  enums: Set<string>;
};

export type Problem = { file: string; line: number; message: string };

/** Quoted names no table declares but our SQL may use. Empty: keep it that way if you can. */
export const ALLOWED_QUOTED: ReadonlySet<string> = new Set<string>();

export async function loadSchema(url: string): Promise<Schema> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cols = await client.query<{ t: string; c: string | null }>(
      `SELECT t.table_name AS t, c.column_name AS c FROM information_schema.tables t
       LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
       WHERE t.table_schema = 'public'`,
    );
    const enums = await client.query<{ n: string }>(`SELECT typname AS n FROM pg_type WHERE typtype = 'e'`);
    const tables = new Map<string, Set<string>>();
    for (const { t, c } of cols.rows) {
      const set = tables.get(t) ?? tables.set(t, new Set()).get(t)!;
      if (c) set.add(c);
    }
    return { tables, enums: new Set(enums.rows.map((r) => r.n)) };
  } finally {
    await client.end();
  }
}

/** Blanks out string literals and comments, keeping offsets (so line numbers stay right). */
export function stripLiterals(sql: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, " ");
  const literal = /'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g;
  return sql.replace(literal, (m) => (m.startsWith("'") ? `'${blank(m.slice(2))}'` : blank(m)));
}

const IDENT = String.raw`(?:"[^"]+"|[A-Za-z_][A-Za-z0-9_$]*)`;

// Words that follow a table where an alias could stand, but are SQL, not an alias.
const NOT_ALIAS = new Set(
  (
    "where on set left right inner outer full cross join natural order group limit offset using values " +
    "returning union intersect except having window for as lateral tablesample and or not is in desc asc " +
    "nulls filter within over then else end when default select from do fetch into with"
  ).split(" "),
);

/** `"Name"` → Name; an unquoted name folds to lower case. */
export function sqlName(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1) : token.toLowerCase();
}

/** Index of the `)` closing the `(` at `open`. */
function closingParen(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    if (sql[i] === "(") depth++;
    else if (sql[i] === ")" && --depth === 0) return i;
  }
  return sql.length;
}

/** The names of a column definition list `AS x("a" text, b numeric(16,4))` opening at `open`. */
function columnList(sql: string, open: number): string[] {
  const body = sql.slice(open + 1, closingParen(sql, open));
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  [...body, ","].forEach((ch, i) => {
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) items.push(body.slice(start, (start = i + 1) - 1));
  });
  return items.flatMap((item) => item.match(new RegExp(String.raw`^\s*(${IDENT})`))?.slice(1) ?? []).map(sqlName);
}

const COLUMN_LIST = new RegExp(String.raw`\bAS\s+(${IDENT})\s*\(`, "gi");

/** Names this SQL declares itself: output names, CTE names, column definition lists. */
export function declaredNames(sql: string): Set<string> {
  const out = new Set<string>();
  for (const m of sql.matchAll(new RegExp(String.raw`\bAS\s+(${IDENT})`, "gi"))) out.add(sqlName(m[1]!));
  const cte = new RegExp(
    String.raw`(?<![\w$"])(${IDENT})\s*(?:\([^)]*\))?\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(`,
    "gi",
  );
  for (const m of sql.matchAll(cte)) out.add(sqlName(m[1]!));
  for (const m of sql.matchAll(COLUMN_LIST)) for (const c of columnList(sql, m.index + m[0].length - 1)) out.add(c);
  return out;
}

/** What an alias stands for: the columns of a table or of a column list; null when unknown. */
type Source = { label: string; columns: ReadonlySet<string> } | null;
/** alias → every source it is bound to, by key (one key: the alias is certain). */
type Bindings = Map<string, Map<string, Source>>;

function bind(out: Bindings, alias: string, source: Source) {
  const sources = out.get(alias) ?? out.set(alias, new Map()).get(alias)!;
  sources.set(source ? `${source.label}:${[...source.columns].join(",")}` : "?", source);
}

function tableOf(token: string, schema: Schema): Source {
  const name = sqlName(token);
  const columns = schema.tables.get(name);
  return columns ? { label: `table "${name}"`, columns } : null;
}

const SOURCE = new RegExp(
  String.raw`\b(?:FROM|JOIN|UPDATE|INTO)\s+(${IDENT})(?![\w$.])(?:(?:\s+AS)?\s+(${IDENT}))?`,
  "gi",
);
const OPAQUE = [
  String.raw`\)(?:\s+AS)?\s+(${IDENT})(?![\w$]|\s*\()`, // (subquery) s, unnest(…) AS k
  String.raw`(?<![\w$"])(${IDENT})\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(`, // WITH x AS (…)
].map((re) => new RegExp(re, "gi"));

/** What each alias of one fragment stands for: `FROM "T" a`, `AS x(…)`, EXCLUDED; else unknown. */
export function bindingsOf(sql: string, schema: Schema): Bindings {
  const out: Bindings = new Map();
  for (const m of sql.matchAll(SOURCE)) {
    const alias = m[2] && sqlName(m[2]);
    if (alias && !NOT_ALIAS.has(alias)) bind(out, alias, tableOf(m[1]!, schema));
    if (!m[1]!.startsWith('"')) bind(out, sqlName(m[1]!), tableOf(m[1]!, schema));
  }
  for (const m of sql.matchAll(COLUMN_LIST)) {
    const columns = new Set(columnList(sql, m.index + m[0].length - 1));
    bind(out, sqlName(m[1]!), { label: `column list ${m[1]}(…)`, columns });
  }
  for (const re of OPAQUE) {
    for (const m of sql.matchAll(re)) if (!NOT_ALIAS.has(sqlName(m[1]!))) bind(out, sqlName(m[1]!), null);
  }
  const insert = sql.match(new RegExp(String.raw`\bINSERT\s+INTO\s+(${IDENT})`, "i"));
  if (insert) bind(out, "excluded", tableOf(insert[1]!, schema));
  return out;
}

function merge(all: Bindings[]): Bindings {
  const out: Bindings = new Map();
  for (const b of all) for (const [alias, sources] of b) for (const s of sources.values()) bind(out, alias, s);
  return out;
}

/** The one source `qualifier` stands for, or null when it is unknown or not certain. */
function resolve(qualifier: string, own: Bindings, file: Bindings, schema: Schema): Source {
  if (qualifier.startsWith('"')) return tableOf(qualifier, schema);
  const alias = sqlName(qualifier);
  const sources = own.get(alias) ?? file.get(alias);
  return sources?.size === 1 ? [...sources.values()][0]! : null;
}

function lineAt(fragment: Fragment, sql: string, index: number): number {
  return fragment.line + (sql.slice(0, index).match(/\n/g)?.length ?? 0);
}

type FileScope = { declared: Set<string>; bindings: Bindings; schema: Schema };

function quotedProblems(f: Fragment, sql: string, scope: FileScope): Problem[] {
  const { schema, declared } = scope;
  const known = (n: string) =>
    schema.tables.has(n) ||
    schema.enums.has(n) ||
    declared.has(n) ||
    ALLOWED_QUOTED.has(n) ||
    [...schema.tables.values()].some((cols) => cols.has(n));
  const out: Problem[] = [];
  for (const m of sql.matchAll(/"([^"]+)"/g)) {
    if (known(m[1]!)) continue;
    const asTable = /\b(?:FROM|JOIN|UPDATE|INTO)\s+$/i.test(sql.slice(0, m.index));
    const message = asTable
      ? `unknown table "${m[1]}"`
      : `"${m[1]}" is no table, column or enum, nor a name declared in this file`;
    out.push({ file: f.file, line: lineAt(f, sql, m.index), message });
  }
  return out;
}

const QUALIFIED = new RegExp(String.raw`(?<![\w$."])(${IDENT})\.(${IDENT})(?![\w$]|\s*\()`, "g");

function qualifiedProblems(f: Fragment, sql: string, own: Bindings, scope: FileScope): Problem[] {
  const out: Problem[] = [];
  for (const m of sql.matchAll(QUALIFIED)) {
    const source = resolve(m[1]!, own, scope.bindings, scope.schema);
    const column = sqlName(m[2]!);
    if (!source || source.columns.has(column)) continue;
    const message = `${m[1]}.${m[2]}: ${source.label} has no column "${column}"`;
    out.push({ file: f.file, line: lineAt(f, sql, m.index), message });
  }
  return out;
}

function checkFile(fragments: Fragment[], schema: Schema): Problem[] {
  const sqls = fragments.map((f) => stripLiterals(f.text));
  const own = sqls.map((sql) => bindingsOf(sql, schema));
  const scope: FileScope = { declared: declaredNames(sqls.join("\n")), bindings: merge(own), schema };
  return fragments.flatMap((f, i) => [
    ...quotedProblems(f, sqls[i]!, scope),
    ...qualifiedProblems(f, sqls[i]!, own[i]!, scope),
  ]);
}

/** Every problem in these fragments, checked file by file (aliases and names are per file). */
export function checkFragments(fragments: Fragment[], schema: Schema): Problem[] {
  const byFile = new Map<string, Fragment[]>();
  for (const f of fragments) (byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!).push(f);
  return [...byFile.values()].flatMap((list) => checkFile(list, schema));
}
