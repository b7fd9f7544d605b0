#!/usr/bin/env node
// Prisma migrations without the native schema-engine binary (it cannot be
// downloaded on our machines). Drives Prisma's WebAssembly schema engine over a
// driver adapter. Migration folders and `_prisma_migrations` stay in Prisma's
// standard format, so the native CLI can take over wherever it is available.
//
//   node scripts/db.mjs deploy          apply pending migrations to DATABASE_URL
//   node scripts/db.mjs new <name>      write prisma/migrations/<ts>_<name>/migration.sql
//                                      (diff of the migrations, replayed in an in-memory
//                                      PGlite shadow database, against prisma/schema/*.prisma)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemaDir = path.join(root, "prisma", "schema");
const migrationsDir = path.join(root, "prisma", "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

let lastPanic = "";
async function loadEngineModule() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => (lastPanic = m) };
  const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  if (!loadEngineModule.ready) {
    const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const bytes = fs.readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    loadEngineModule.ready = true;
  }
  return bg;
}

/** The code's migrations, oldest first (folder names, as `_prisma_migrations` records them). */
export function migrationNames() {
  return fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
}

function readMigrationsList(only) {
  const dirs = migrationNames().filter((name) => !only || only.includes(name));
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok", value: fs.readFileSync(file, "utf8") }
            : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  };
}

/** The schema is split by feature into prisma/schema/*.prisma. */
function readSchemaFiles() {
  return fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(schemaDir, f), content: fs.readFileSync(path.join(schemaDir, f), "utf8") }));
}

async function withEngine(adapterFactory, fn) {
  const bg = await loadEngineModule();
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const schema = readSchemaFiles();
  const logs = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: schema.map((f) => [f.path, f.content]) },
    (line) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await fn(engine, schema);
  } catch (err) {
    const detail = lastPanic ? `\n${lastPanic}` : "";
    throw new Error(`schema engine: ${err?.message ?? err}${detail}`, { cause: err });
  } finally {
    engine.free();
  }
}

/**
 * PrismaPg runs a migration script split at every ";", which cuts a function
 * body ($$ … ; … $$) apart. Postgres takes the whole script as one simple
 * query (one implicit transaction), which is how Prisma's native engine sends it.
 */
function wholeScripts(factory) {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async function (script) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

/**
 * Applies pending migrations to a PostgreSQL database. Returns the names applied.
 * `only`: apply just these (a restore first rebuilds the schema its backup was taken on).
 */
export async function applyMigrations(connectionString, { only } = {}) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { default: pg } = await import("pg");
  // Our own pool, so it can be closed: a lingering connection would block
  // CREATE DATABASE … TEMPLATE in the test setup.
  const pool = new pg.Pool({ connectionString, max: 2 });
  try {
    return await withEngine(wholeScripts(new PrismaPg(pool)), async (engine) => {
      const out = await engine.applyMigrations({
        migrationsList: readMigrationsList(only),
        filters: noFilters,
      });
      return out.appliedMigrationNames;
    });
  } finally {
    await pool.end();
  }
}

/** SQL that takes the migrated schema to schema.prisma (empty when up to date). */
export async function diffSchema() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // pg_trgm: the fan roster's search index (prisma/schema/fans.prisma).
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const shadow = new PGlite({ extensions: { pg_trgm } });
  const factory = new PrismaPGlite(shadow);
  // The engine replays the migrations into a second, fresh database for the
  // diff; the adapter's own makes one without extensions.
  factory.connectToShadowDb = () => new PrismaPGlite(new PGlite({ extensions: { pg_trgm } })).connect();
  try {
    return await withEngine(factory, async (engine, schema) => {
      await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: noFilters });
      const res = await engine.diff({
        from: { tag: "migrations", ...readMigrationsList() },
        to: { tag: "schemaDatamodel", files: schema },
        script: true,
        shadowDatabaseUrl: null,
        exitCode: null,
        filters: noFilters,
      });
      return (res.stdout ?? "").trim();
    });
  } finally {
    await shadow.close();
  }
}

async function createMigration(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("usage: npm run db:new -- <name>  (lowercase letters, digits and _)");
  }
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.mkdirSync(migrationsDir, { recursive: true });
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  const sql = await diffSchema();
  if (!sql || /^-- This is an empty migration/.test(sql)) {
    console.log("no schema changes");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const [cmd, arg] = process.argv.slice(2);
  try {
    if (cmd === "deploy") {
      const url = process.env.DATABASE_URL;
      if (!url) throw new Error("DATABASE_URL is not set");
      const applied = await applyMigrations(url);
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
    } else if (cmd === "new") {
      await createMigration(arg);
    } else if (cmd === "diff") {
      console.log((await diffSchema()) || "-- no schema changes");
    } else {
      throw new Error("usage: node scripts/db.mjs deploy | new <name> | diff");
    }
    process.exit(0);
  } catch (err) {
    console.error(err?.message ?? err);
    process.exit(1);
  }
}
