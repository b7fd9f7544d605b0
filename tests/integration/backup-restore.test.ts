import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { applyMigrations, migrationNames } from "../../scripts/db.mjs";
import { appliedMigrations, ident, listTables, readSequences } from "../../scripts/lib/backup-catalog";
import { startDebianPostgres15 } from "../support/debian-postgres";
import { seedExportData } from "../support/export-seed";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// `npm run backup` / `npm run restore` as child processes, on real data: an
// agency with a Fanvue connection (encrypted tokens), ledger rows, fans,
// notes, rollups kept by triggers. The embedded PostgreSQL 18 has no pg_dump
// 18 here, so the backup falls back to the built-in format and says why; the
// restore into an empty database must give back every table row for row.
// Debian's PostgreSQL 15 (when installed) takes the pg_dump path.
const ROOT = path.resolve(import.meta.dirname, "../..");
const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const atlas = await provisionAccount(sb, "atlas");
const [mia, nova] = [atlas.creators.mia!, atlas.creators.nova!];
await seedExportData(db, atlas.workspace.id, [mia.id, nova.id], { id: atlas.user.id, name: "atlas" }, 300);
const SOURCE = process.env.DATABASE_URL!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vuedeck-backup-"));
const adminUrl = inject("pgAdminUrl");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Cli = { code: number; out: string };
/** Runs scripts/<script>.ts as `npm run` does, against `url`. */
function cli(
  script: "backup" | "restore",
  args: string[],
  url: string,
  env: Record<string, string> = {},
): Promise<Cli> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `scripts/${script}.ts`, ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, ...env }, timeout: 50_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

/** A new database without any table (template0: not even the migrations). */
async function emptyDatabase(base = adminUrl) {
  const name = `bk_${crypto.randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  await admin.end();
  return base.replace(/\/[^/]+$/, `/${name}`);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Every table's row count and a digest of all its rows; the migrations; the sequences. */
const snapshot = (url: string) =>
  withClient(url, async (c) => {
    await c.query("SET TimeZone = 'UTC'");
    const tables: Record<string, string> = {};
    for (const t of await listTables(c)) {
      const { rows } = await c.query<{ n: number; digest: string }>(
        `SELECT count(*)::int AS n, md5(COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM public.${ident(t)} t`,
      );
      tables[t] = `${rows[0]!.n} ${rows[0]!.digest}`;
    }
    return { tables, migrations: await appliedMigrations(c), sequences: await readSequences(c) };
  });

const facts = (url: string) =>
  withClient(url, async (c) => ({
    gross: (await c.query(`SELECT SUM(gross)::text AS s, count(*)::int AS n FROM "EarningRow"`)).rows[0],
    note: (await c.query(`SELECT body FROM "FanNote" WHERE "fanUuid" = $1`, [`${mia.id}-fan-1`])).rows[0]?.body,
    rollup: (await c.query(`SELECT count(*)::int AS n FROM "FanLedgerSummary"`)).rows[0].n,
    cipher: (await c.query(`SELECT "accessTokenCipher" AS c FROM "FanvueConnection"`)).rows[0]?.c,
  }));

const builtinFile = path.join(dir, "embedded.vdump.gz");
const sourceSnapshot = await snapshot(SOURCE);

describe("npm run backup / npm run restore, built-in format (embedded PostgreSQL 18)", () => {
  it("falls back to the built-in format, says why, and the restore gives back every row", async () => {
    const backup = await cli("backup", ["-o", builtinFile], SOURCE);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/Using the built-in format: the server is PostgreSQL 18\.\d+/);
    expect(backup.out).toContain("needs pg_dump 18 or newer");
    expect(backup.out).toContain("postgresql-client-18 from apt.postgresql.org");
    expect(backup.out).toMatch(/Tables +\d+ \([\d,]+ rows\)/);
    expect(backup.out).toContain("encrypted with key id test1 of TOKEN_ENCRYPTION_KEYS");

    const target = await emptyDatabase();
    const restore = await cli("restore", [builtinFile], target);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/every row count equal to the backup's/);
    expect(restore.out).toContain("Fanvue tokens: encrypted with test1, found in TOKEN_ENCRYPTION_KEYS");
    expect(await snapshot(target)).toEqual(sourceSnapshot);
    const [before, after] = [await facts(SOURCE), await facts(target)];
    expect(after).toEqual(before);
    expect(after.gross).toEqual({ s: expect.stringMatching(/^\d+\.\d+$/), n: 600 });
    expect(after.note).toBe('Likes long videos,\nasks for "custom" sets');
    expect(after.rollup).toBeGreaterThan(0);
  });

  it("refuses a database that holds rows, names them, and changes nothing", async () => {
    const restore = await cli("restore", [builtinFile], SOURCE);
    expect(restore.code).toBe(1);
    expect(restore.out).toMatch(/Restore refused: DATABASE_URL \([^)]+\) is not empty: it holds \w+ \(\d+ rows\)/);
    expect(restore.out).toContain("Nothing was changed");
    expect(await snapshot(SOURCE)).toEqual(sourceSnapshot);
  });

  it("refuses a backup taken on migrations this code does not have", async () => {
    const [magic, manifest, ...rest] = zlib.gunzipSync(fs.readFileSync(builtinFile)).toString("utf8").split("\n");
    const m = JSON.parse(manifest!);
    m.migrations.push("29991231000000_from_the_future");
    const future = path.join(dir, "future.vdump.gz");
    fs.writeFileSync(future, zlib.gzipSync([magic, JSON.stringify(m), ...rest].join("\n")));
    const target = await emptyDatabase();
    const restore = await cli("restore", [future], target);
    expect(restore.code).toBe(1);
    expect(restore.out).toContain("migration 29991231000000_from_the_future");
    expect(restore.out).toContain("Restore it with the Vuedeck version that made it, or a newer one.");
    expect(await withClient(target, listTables)).toEqual([]);
  });

  it("warns when the restored tokens' key is not configured here", async () => {
    const { restoreKeyNote } = await import("../../scripts/lib/backup-keys");
    const configured = process.env.TOKEN_ENCRYPTION_KEYS;
    try {
      process.env.TOKEN_ENCRYPTION_KEYS = `other:${crypto.randomBytes(32).toString("base64")}`;
      expect(restoreKeyNote(["test1"])).toEqual({
        ok: false,
        text: expect.stringContaining("encrypted with key id test1, but TOKEN_ENCRYPTION_KEYS has other"),
      });
      process.env.TOKEN_ENCRYPTION_KEYS = `other:x,test1:y`;
      expect(restoreKeyNote(["test1"]).ok).toBe(true);
    } finally {
      process.env.TOKEN_ENCRYPTION_KEYS = configured;
    }
  });

  it("restores a backup of older code: its own migrations, the rows, then the newer migrations", async () => {
    const names = migrationNames();
    const old = await emptyDatabase();
    await applyMigrations(old, { only: names.slice(0, -1) });
    await withClient(old, (c) => c.query(`INSERT INTO "User" (id, name, "updatedAt") VALUES ('u-old', 'Ann', now())`));
    const file = path.join(dir, "old.vdump.gz");
    expect((await cli("backup", ["-o", file], old)).code).toBe(0);
    const target = await emptyDatabase();
    const restore = await cli("restore", [file], target);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain(`${names.length - 1} from the backup, 1 newer applied after`);
    const after = await snapshot(target);
    expect(after.migrations).toEqual(names);
    expect(after.tables.User).toMatch(/^1 /);
  });
});

const pg15 = await startDebianPostgres15();
afterAll(() => pg15?.stop());

describe.skipIf(!pg15)("pg_dump path (Debian PostgreSQL 15)", () => {
  it("backs up with pg_dump -Fc and restores with pg_restore, equal to the original", async () => {
    // Data onto PG15: the built-in backup of the embedded PG18 database restores there too.
    const src = await pg15!.createDatabase("src");
    expect((await cli("restore", [builtinFile], src)).code).toBe(0);
    const dump = path.join(dir, "pg15.dump");
    const backup = await cli("backup", ["-o", dump], src);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/Method +pg_dump 15\.\d+, custom format \(-Fc\)/);
    expect(fs.readFileSync(dump).subarray(0, 5).toString()).toBe("PGDMP");

    const dst = await pg15!.createDatabase("dst");
    const restore = await cli("restore", [dump], dst);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/Method +pg_restore 15\.\d+ \(archive of pg_dump 15\.\d+/);
    expect(await snapshot(dst)).toEqual(sourceSnapshot);
    // pg_restore 15 writes into a newer server too (the embedded PG18).
    const onEmbedded = await emptyDatabase();
    expect((await cli("restore", [dump], onEmbedded)).code).toBe(0);
    expect(await snapshot(onEmbedded)).toEqual(sourceSnapshot);

    const again = await cli("restore", [dump], src);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/Restore refused: .* is not empty/);
  });

  it("--format pg_dump against PostgreSQL 18 fails clearly instead of falling back", async () => {
    const backup = await cli("backup", ["--format", "pg_dump", "-o", path.join(dir, "x.dump")], SOURCE);
    expect(backup.code).toBe(1);
    expect(backup.out).toContain("Backup failed: Cannot use pg_dump: the server is PostgreSQL 18");
    expect(fs.existsSync(path.join(dir, "x.dump"))).toBe(false);
  });
});
