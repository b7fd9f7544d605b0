import "server-only";
import { createHash, type Hash } from "node:crypto";
import zlib from "node:zlib";
import { Zip, ZipPassThrough } from "fflate";
import type { DataClient } from "./client";
import { CSV_FILES, creatorHandles, csvHeader, type CsvFile } from "./csv-files";
import { countRows, EXPORT_BATCH_ROWS, jsonLine, tableBatches } from "./pages";
import { FORMAT_VERSION, tablesFor, type ExportScope, type ResolvedScope, type TableSpec } from "./tables";

// The full export: a zip streamed as it is written. Rows are read in keyset
// batches and each batch is compressed and handed on before the next is read,
// so memory holds one batch and the compressor's window, whatever the size
// (tests/integration/export-roundtrip.test.ts measures 100,000 + 100,000 rows).
// The manifest comes last: it carries each file's row count and SHA-256,
// known only once the file is written.

export type ManifestFile = { file: string; table?: string; rows: number; bytes: number; sha256: string };
export type Manifest = {
  format: "vuedeck-export";
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  scope: {
    kind: "workspace" | "creator";
    workspaceId: string;
    workspaceName: string;
    creatorId: string | null;
    creatorHandle: string | null;
  };
  /** JSON Lines files, one per table, in the order an import inserts them. */
  tables: ManifestFile[];
  csv: ManifestFile[];
};

export type ExportProgress = { file: string; rowsWritten: number; totalRows: number };
export type ExportOptions = { appVersion: string; batchRows?: number; onProgress?: (p: ExportProgress) => void };

export class ScopeError extends Error {}

/** The scope's creators (a creator of another workspace is refused) and campaigns. */
export async function resolveScope(client: DataClient, s: ExportScope): Promise<ResolvedScope> {
  const creators = await client.creator.findMany({
    where: { workspaceId: s.workspaceId, ...(s.creatorId ? { id: s.creatorId } : {}) },
    select: { id: true },
  });
  if (s.creatorId && creators.length === 0) throw new ScopeError("No such creator in this workspace.");
  const creatorIds = creators.map((c) => c.id);
  const campaigns = await client.massCampaign.findMany({
    where: { creatorId: { in: creatorIds } },
    select: { id: true },
  });
  return { ...s, creatorIds, campaignIds: campaigns.map((c) => c.id) };
}

/** Row totals of every file, read before the first row is written. One
 * count at a time: ~35 at once took every connection of the server's pool,
 * and its other requests waited ~200 ms for one (scripts/bench/export-server.ts). */
export async function countExport(client: DataClient, scope: ResolvedScope) {
  const tables = tablesFor(scope);
  const counts: number[] = [];
  for (const t of tables) counts.push(await countRows(client, t, scope));
  const byModel = new Map(tables.map((t, i) => [t.model, counts[i]!]));
  const csvRows = CSV_FILES.reduce((n, f) => n + (byModel.get(f.table.model) ?? 0), 0);
  return { byModel, totalRows: counts.reduce((a, b) => a + b, 0) + csvRows };
}

/** A zip entry deflated by node:zlib, native code: fflate's own deflate is
 * JavaScript, ~10× slower (~5 ms a 500-row batch) and it ran on the event
 * loop that the server's other requests wait for. Each push is compressed on
 * its own and ends in a sync flush (byte-aligned, not final), so the pieces
 * join into one deflate stream; the last push ends it. Level 6: zlib's
 * default balance. */
class NativeDeflate extends ZipPassThrough {
  constructor(name: string) {
    super(name);
    this.compression = 8;
  }
  protected process(chunk: Uint8Array<ArrayBuffer>, final: boolean) {
    const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;
    this.ondata(null, zlib.deflateRawSync(chunk, { level: 6, finishFlush: final ? Z_FINISH : Z_SYNC_FLUSH }), final);
  }
}

/** A zip writer whose output is collected between batches (drain). */
function zipSink() {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => (err ? (failure = err) : chunks.push(chunk)));
  const encoder = new TextEncoder();
  return {
    /** Starts a file; returns its writer. */
    open(name: string) {
      const entry = new NativeDeflate(name);
      zip.add(entry);
      const hash: Hash = createHash("sha256");
      let bytes = 0;
      return {
        write(text: string) {
          const data = encoder.encode(text);
          hash.update(data);
          bytes += data.length;
          entry.push(data);
        },
        close: () => (entry.push(new Uint8Array(0), true), { bytes, sha256: hash.digest("hex") }),
      };
    },
    end: () => zip.end(),
    drain(): Uint8Array[] {
      if (failure) throw failure;
      return chunks.splice(0);
    },
  };
}

type Sink = ReturnType<typeof zipSink>;
type Ctx = {
  client: DataClient;
  scope: ResolvedScope;
  sink: Sink;
  o: ExportOptions;
  progress: { rows: number; total: number };
};

async function* writeTable(c: Ctx, t: TableSpec, out: ManifestFile[]): AsyncGenerator<Uint8Array> {
  const file = `${t.model}.jsonl`;
  const w = c.sink.open(file);
  let rows = 0;
  for await (const batch of tableBatches(c.client, t, c.scope, c.o.batchRows ?? EXPORT_BATCH_ROWS)) {
    w.write(batch.map(jsonLine).join(""));
    rows += batch.length;
    c.progress.rows += batch.length;
    c.o.onProgress?.({ file, rowsWritten: c.progress.rows, totalRows: c.progress.total });
    yield* c.sink.drain();
  }
  out.push({ file, table: t.model, rows, ...w.close() });
  yield* c.sink.drain();
}

async function* writeCsv(
  c: Ctx,
  f: CsvFile,
  handles: Map<string, string>,
  out: ManifestFile[],
): AsyncGenerator<Uint8Array> {
  const w = c.sink.open(f.file);
  w.write(csvHeader(f));
  let rows = 0;
  for await (const batch of tableBatches(c.client, f.table, c.scope, c.o.batchRows ?? EXPORT_BATCH_ROWS)) {
    w.write((await f.lines(c.client, batch, handles)).map((l) => `${l}\r\n`).join(""));
    rows += batch.length;
    c.progress.rows += batch.length;
    c.o.onProgress?.({ file: f.file, rowsWritten: c.progress.rows, totalRows: c.progress.total });
    yield* c.sink.drain();
  }
  out.push({ file: f.file, rows, ...w.close() });
  yield* c.sink.drain();
}

/** The export as zip bytes, chunk by chunk; the next batch is read only when
 * the consumer asks for more (backpressure from the download or the file). */
export async function* exportZip(
  client: DataClient,
  scope: ResolvedScope,
  o: ExportOptions,
): AsyncGenerator<Uint8Array> {
  // The totals only feed progress (the route counted already, for its header).
  const [totalRows, handles, workspace] = await Promise.all([
    o.onProgress ? countExport(client, scope).then((n) => n.totalRows) : 0,
    creatorHandles(client, scope),
    client.workspace.findUniqueOrThrow({ where: { id: scope.workspaceId }, select: { name: true } }),
  ]);
  const c: Ctx = { client, scope, sink: zipSink(), o, progress: { rows: 0, total: totalRows } };
  const manifest: Manifest = {
    format: "vuedeck-export",
    formatVersion: FORMAT_VERSION,
    appVersion: o.appVersion,
    exportedAt: new Date().toISOString(),
    scope: {
      kind: scope.creatorId ? "creator" : "workspace",
      workspaceId: scope.workspaceId,
      workspaceName: workspace.name,
      creatorId: scope.creatorId ?? null,
      creatorHandle: scope.creatorId ? (handles.get(scope.creatorId) ?? null) : null,
    },
    tables: [],
    csv: [],
  };
  for (const t of tablesFor(scope)) yield* writeTable(c, t, manifest.tables);
  for (const f of CSV_FILES) yield* writeCsv(c, f, handles, manifest.csv);
  const m = c.sink.open("manifest.json");
  m.write(JSON.stringify(manifest, null, 2) + "\n");
  m.close();
  c.sink.end();
  yield* c.sink.drain();
}
