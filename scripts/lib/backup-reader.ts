// Reads a built-in backup (scripts/lib/builtin-backup.ts) as a stream: the
// header and manifest first, then each table's COPY rows in batches, so a
// restore never holds a whole table in memory.
import fs from "node:fs";
import zlib from "node:zlib";
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, type BackupManifest, type BackupTable } from "./builtin-backup";

const NEWLINE = 0x0a;
const END_OF_TABLE = "\\.\n";
/** Rows go to PostgreSQL in writes of about this size: large enough that per-write overhead vanishes, small in memory. */
const BATCH_BYTES = 256 * 1024;

export class BackupFormatError extends Error {}

export class BackupReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private buf = Buffer.alloc(0);
  private ended = false;

  constructor(private readonly file: string) {
    const gunzip = fs.createReadStream(file).pipe(zlib.createGunzip());
    this.chunks = gunzip[Symbol.asyncIterator]();
  }

  /** The next line with its "\n"; null at the end of the file. A last line without "\n" means the file was cut short. */
  private async rawLine(): Promise<Buffer | null> {
    for (;;) {
      const i = this.buf.indexOf(NEWLINE);
      if (i >= 0) {
        const line = this.buf.subarray(0, i + 1);
        this.buf = this.buf.subarray(i + 1);
        return line;
      }
      if (this.ended) {
        if (this.buf.length)
          throw new BackupFormatError(`${this.file} ends in the middle of a line: it is incomplete.`);
        return null;
      }
      const next = await this.chunks.next().catch((err: Error) => {
        throw new BackupFormatError(`${this.file} is damaged or incomplete (${err.message}).`);
      });
      if (next.done) this.ended = true;
      else this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    }
  }

  private async jsonLine<T>(what: string): Promise<T> {
    const line = await this.rawLine();
    if (!line) throw new BackupFormatError(`${this.file} ends before ${what}: it is incomplete.`);
    try {
      return JSON.parse(line.toString("utf8")) as T;
    } catch {
      throw new BackupFormatError(`${this.file}: expected ${what}, found something else.`);
    }
  }

  /** The magic line and the manifest. */
  async manifest(): Promise<BackupManifest> {
    const magic = (await this.rawLine())?.toString("utf8").trim() ?? "";
    const [word, version] = magic.split(" ");
    if (word !== BACKUP_MAGIC) throw new BackupFormatError(`${this.file} is not a Vuedeck backup.`);
    if (Number(version) > BACKUP_FORMAT_VERSION) {
      throw new BackupFormatError(
        `${this.file} is format version ${version}; this Vuedeck reads up to ${BACKUP_FORMAT_VERSION}. Use a newer Vuedeck.`,
      );
    }
    return this.jsonLine<BackupManifest>("the manifest");
  }

  /** The header of the next table, which must be `expected`. */
  async tableHeader(expected: BackupTable): Promise<void> {
    const header = await this.jsonLine<BackupTable>(`the rows of ${expected.table}`);
    if (header.table !== expected.table || header.rows !== expected.rows) {
      throw new BackupFormatError(
        `${this.file}: found table ${header.table} where the manifest lists ${expected.table}.`,
      );
    }
  }

  /** The current table's rows, batched, up to its end marker. */
  async *tableRows(): AsyncGenerator<Buffer> {
    let batch: Buffer[] = [];
    let size = 0;
    for (;;) {
      const line = await this.rawLine();
      if (!line) throw new BackupFormatError(`${this.file} ends inside a table: it is incomplete.`);
      if (line.length === END_OF_TABLE.length && line.toString("latin1") === END_OF_TABLE) break;
      batch.push(line);
      size += line.length;
      if (size >= BATCH_BYTES) {
        yield Buffer.concat(batch, size);
        batch = [];
        size = 0;
      }
    }
    if (size) yield Buffer.concat(batch, size);
  }

  /** The end line, and nothing after it. */
  async end(manifest: BackupManifest): Promise<void> {
    const end = await this.jsonLine<{ end?: boolean; tables?: number }>("the end marker");
    if (!end.end || end.tables !== manifest.tables.length || (await this.rawLine()) !== null) {
      throw new BackupFormatError(`${this.file}: its end does not match its manifest.`);
    }
  }

  close() {
    void this.chunks.return?.();
  }
}
