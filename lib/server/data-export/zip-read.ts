import "server-only";
import fs from "node:fs";
import { Readable } from "node:stream";
import zlib from "node:zlib";

// Reads the export's zip from a file by its central directory, one entry at a
// time as a stream (an entry is never read whole into memory). Enough of the
// format for what exportZip writes (stored or deflated entries, no ZIP64: an
// export file over 4 GiB is refused with a clear message).

export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** The end record is 22 bytes plus a comment of up to 65,535. */
const TAIL_BYTES = 22 + 0xffff;

export class ZipFormatError extends Error {}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

function findEnd(fd: number, fileSize: number) {
  const start = Math.max(0, fileSize - TAIL_BYTES);
  const tail = readAt(fd, start, fileSize - start);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue;
    const count = tail.readUInt16LE(i + 10);
    const size = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    if (offset === 0xffffffff || count === 0xffff)
      throw new ZipFormatError("ZIP64 archives (over 4 GiB) are not supported.");
    return { count, size, offset };
  }
  throw new ZipFormatError("Not a zip file (no end of central directory).");
}

/** The entries of the zip at `path`, from its central directory. */
export function listEntries(path: string): ZipEntry[] {
  const fd = fs.openSync(path, "r");
  try {
    const end = findEnd(fd, fs.fstatSync(fd).size);
    const cd = readAt(fd, end.offset, end.size);
    const entries: ZipEntry[] = [];
    for (let p = 0, i = 0; i < end.count; i++) {
      if (cd.readUInt32LE(p) !== CD_SIG) throw new ZipFormatError("Damaged zip (central directory).");
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      entries.push({
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
        name: cd.toString("utf8", p + 46, p + 46 + nameLen),
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** The uncompressed bytes of one entry, as a stream. */
export function openEntry(path: string, e: ZipEntry): Readable {
  const fd = fs.openSync(path, "r");
  let header: Buffer;
  try {
    header = readAt(fd, e.localOffset, 30);
  } finally {
    fs.closeSync(fd);
  }
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_SIG)
    throw new ZipFormatError(`Damaged zip (entry ${e.name}).`);
  const start = e.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (e.compressedSize === 0) return Readable.from([]);
  const raw = fs.createReadStream(path, { start, end: start + e.compressedSize - 1 });
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new ZipFormatError(`Unsupported compression in ${e.name}.`);
  return raw.pipe(zlib.createInflateRaw());
}
