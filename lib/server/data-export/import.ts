import "server-only";
import { createHash } from "node:crypto";
import readline from "node:readline";
import { Prisma } from "@/generated/prisma/client";
import { delegateOf, type DataClient } from "./client";
import type { Manifest } from "./export";
import { BATCH_ROWS } from "./pages";
import { FORMAT_VERSION, TABLES, type TableSpec } from "./tables";
import { listEntries, openEntry, type ZipEntry } from "./zip-read";

// `npm run import -- file.zip`: restores an export into an empty database.
// Every file is checked against the manifest's SHA-256 and row count before
// anything is written; then the tables are inserted in dependency order, in
// batches, in one transaction (all or nothing). Rollups kept by triggers
// (performance, fan ledger summary, cohorts) rebuild themselves as rows go in.

export class ImportError extends Error {}

type Row = Record<string, unknown>;
export type ImportProgress = { table: string; rowsWritten: number; totalRows: number };
export type ImportResult = { manifest: Manifest; rows: Record<string, number> };

/** An import of a large workspace takes minutes; Prisma's 5 s default would abort it. */
const TRANSACTION_TIMEOUT_MS = 60 * 60_000;

function entryMap(path: string) {
  const entries = new Map(listEntries(path).map((e) => [e.name, e]));
  const manifestEntry = entries.get("manifest.json");
  if (!manifestEntry) throw new ImportError("Not a Vuedeck export: manifest.json is missing.");
  return { entries, manifestEntry };
}

async function readManifest(path: string, e: ZipEntry): Promise<Manifest> {
  let text = "";
  for await (const chunk of openEntry(path, e)) text += String(chunk);
  const m = JSON.parse(text) as Manifest;
  if (m.format !== "vuedeck-export") throw new ImportError("Not a Vuedeck export (manifest format).");
  if (m.formatVersion > FORMAT_VERSION) {
    throw new ImportError(
      `This export is format ${m.formatVersion}; this Vuedeck reads up to ${FORMAT_VERSION}. Update Vuedeck first.`,
    );
  }
  return m;
}

/** Every file's bytes against the manifest's checksum and line count. */
async function verifyFiles(path: string, m: Manifest, entries: Map<string, ZipEntry>) {
  for (const f of [...m.tables, ...m.csv]) {
    const e = entries.get(f.file);
    if (!e) throw new ImportError(`${f.file} is listed in the manifest but missing from the zip.`);
    const hash = createHash("sha256");
    let lines = 0;
    for await (const chunk of openEntry(path, e)) {
      hash.update(chunk as Buffer);
      for (const byte of chunk as Buffer) if (byte === 10) lines++;
    }
    if (hash.digest("hex") !== f.sha256) {
      throw new ImportError(`Checksum mismatch in ${f.file}: the file was changed or damaged after the export.`);
    }
    // CSVs carry a header line; JSON Lines files one line per row.
    if (lines !== f.rows + (f.table ? 0 : 1))
      throw new ImportError(`${f.file} holds ${lines} lines, the manifest says ${f.rows} rows.`);
  }
}

/** Refuses a database that already holds this workspace or any row in the tables written. */
async function assertEmpty(client: DataClient, m: Manifest, specs: TableSpec[]) {
  const same = await client.workspace.findUnique({ where: { id: m.scope.workspaceId }, select: { id: true } });
  if (same)
    throw new ImportError(`This database already has workspace ${m.scope.workspaceId}. Import into an empty database.`);
  const counts = await Promise.all(specs.map((t) => delegateOf(client, t.delegate).count({})));
  const busy = specs.filter((_, i) => counts[i]! > 0).map((t) => t.model);
  if (busy.length > 0) {
    throw new ImportError(`The database is not empty (rows in ${busy.join(", ")}). Import into an empty database.`);
  }
}

/** A row as Prisma takes it back: BigInt from its string, SQL NULL for a null Json, omitted columns refilled. */
function reviveRow(t: TableSpec, row: Row): Row {
  for (const c of t.bigint ?? []) if (typeof row[c] === "string") row[c] = BigInt(row[c]);
  for (const c of t.nullableJson ?? []) if (row[c] === null) row[c] = Prisma.DbNull;
  return t.restore ? t.restore(row) : row;
}

async function insertTable(tx: unknown, path: string, t: TableSpec, e: ZipEntry, onRows: (n: number) => void) {
  const delegate = delegateOf(tx, t.delegate);
  const lines = readline.createInterface({ input: openEntry(path, e), crlfDelay: Infinity });
  let batch: Row[] = [];
  let total = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await delegate.createMany({ data: batch });
    total += batch.length;
    onRows(batch.length);
    batch = [];
  };
  for await (const line of lines) {
    if (!line) continue;
    batch.push(reviveRow(t, JSON.parse(line) as Row));
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return total;
}

/** Restores the export at `path` into the (empty) database of `client`. */
export async function importZip(
  client: DataClient,
  path: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const { entries, manifestEntry } = entryMap(path);
  const m = await readManifest(path, manifestEntry);
  await verifyFiles(path, m, entries);
  const known = new Map(TABLES.map((t) => [t.model, t]));
  const unknown = m.tables.filter((f) => !known.has(f.table ?? ""));
  if (unknown.length) throw new ImportError(`Unknown tables in the export: ${unknown.map((f) => f.file).join(", ")}.`);
  // Dependency order is TABLES' order, whatever order the manifest lists.
  const files = new Map(m.tables.map((f) => [f.table!, f]));
  const specs = TABLES.filter((t) => files.has(t.model));
  await assertEmpty(client, m, specs);
  const totalRows = m.tables.reduce((n, f) => n + f.rows, 0);
  let written = 0;
  const rows: Record<string, number> = {};
  await client.$transaction(
    async (tx) => {
      for (const t of specs) {
        const onRows = (n: number) => onProgress?.({ table: t.model, rowsWritten: (written += n), totalRows });
        rows[t.model] = await insertTable(tx, path, t, entries.get(files.get(t.model)!.file)!, onRows);
      }
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  return { manifest: m, rows };
}
