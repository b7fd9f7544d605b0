// Every raw SQL fragment in lib/, app/ and scripts/ names only tables, columns and enums the
// migrated schema has (tests/support/sql-lint.ts): a renamed column fails here, not in production.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { collectFragments, fragmentsOf, type Fragment } from "../support/sql-fragments";
import { checkFragments, loadSchema, type Problem, type Schema } from "../support/sql-lint";

const root = path.resolve(import.meta.dirname, "../..");
let schema: Schema;
let found: { fragments: Fragment[]; regexCount: number };

beforeAll(async () => {
  schema = await loadSchema(process.env.DATABASE_URL!);
  found = collectFragments(root);
});

const show = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line} ${p.message}`);

/** Problems in a synthetic source file, extracted the same way as the code base's. */
function lint(code: string): string[] {
  return show(checkFragments(fragmentsOf("synthetic.ts", code), schema));
}

describe("raw SQL against the schema", () => {
  it("finds every raw SQL site", () => {
    const { fragments, regexCount } = found;
    // A comment naming one of these calls also counts; the AST walk must not find fewer.
    expect(regexCount).toBeGreaterThan(50);
    expect(fragments.length).toBeGreaterThanOrEqual(regexCount);
  });

  it("reports no problem in the code base", () => {
    const problems = checkFragments(found.fragments, schema);
    expect(show(problems)).toEqual([]);
  });

  it("checks the code base's own references", () => {
    // Without AudienceFan.handle, every `a.handle` on an AudienceFan alias is a problem.
    const tables = new Map(schema.tables);
    tables.set("AudienceFan", new Set([...schema.tables.get("AudienceFan")!].filter((c) => c !== "handle")));
    const before = new Set(show(checkFragments(found.fragments, schema)));
    const problems = checkFragments(found.fragments, { ...schema, tables }).filter((p) => !before.has(show([p])[0]!));
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) expect(p.message).toMatch(/\.handle: table "AudienceFan" has no column "handle"$/);
  });

  it("reports a misspelled quoted column", () => {
    const code = 'db.$queryRaw`SELECT "handel" FROM "AudienceFan" WHERE "creatorId" = ${id}`;';
    expect(lint(code)).toEqual([
      'synthetic.ts:1 "handel" is no table, column or enum, nor a name declared in this file',
    ]);
  });

  it("reports a column of another table on a bound alias", () => {
    // "totalGross" exists (on FanInsight), so only the alias check can catch it.
    const code = 'Prisma.sql`SELECT a."totalGross", a.handle\n  FROM "AudienceFan" AS a`;';
    expect(lint(code)).toEqual(['synthetic.ts:1 a."totalGross": table "AudienceFan" has no column "totalGross"']);
  });

  it("reports an unknown table", () => {
    const code = 'tx.$executeRaw`DELETE FROM "AudienceFans" WHERE "creatorId" = ${id}`;';
    expect(lint(code)).toEqual(['synthetic.ts:1 unknown table "AudienceFans"']);
  });

  it("folds unquoted names and checks EXCLUDED against the inserted table", () => {
    const code = [
      'db.$executeRaw`INSERT INTO "ExportLease" ("userId", holder) VALUES (${a}, ${b})',
      '  ON CONFLICT ("userId") DO UPDATE SET holder = EXCLUDED.holdr WHERE holder IS DISTINCT FROM EXCLUDED.holder`;',
      'db.$queryRaw`SELECT a.displayName FROM "AudienceFan" a`;',
    ].join("\n");
    expect(lint(code)).toEqual([
      'synthetic.ts:2 EXCLUDED.holdr: table "ExportLease" has no column "holdr"',
      'synthetic.ts:3 a.displayName: table "AudienceFan" has no column "displayname"',
    ]);
  });

  it("resolves an alias in its fragment first, then in its file, and only when certain", () => {
    const code = [
      'const from = Prisma.sql`FROM "AudienceFan" a LEFT JOIN "FanInsight" i ON i."fanUuid" = a."fanUuid"`;',
      'const sum = Prisma.sql`SELECT a.gross FROM "EarningRow" a`;', // its own a: EarningRow
      'const sort = Prisma.sql`a."totalGross"`;', // a is two tables in this file: not certain
      'const where = Prisma.sql`i.nope = 1 AND i."renewsAt" > now() AND x.kind = x.knd`;', // i: FanInsight
      "db.$queryRaw`SELECT 1 FROM jsonb_to_recordset(${rows}) AS x(kind text, n numeric(16, 4))`;",
    ].join("\n");
    expect(lint(code)).toEqual([
      'synthetic.ts:4 i.nope: table "FanInsight" has no column "nope"',
      'synthetic.ts:4 x.knd: column list x(…) has no column "knd"',
    ]);
  });
});
