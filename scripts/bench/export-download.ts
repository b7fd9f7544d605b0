// A client of the full export's download, for benchmarks: to a file at full
// speed, or read slowly then not at all; and the check of the zip it wrote.
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import type { Manifest } from "@/lib/server/data-export/export";
import { listEntries, openEntry } from "@/lib/server/data-export/zip-read";

function get(url: string, headers: Record<string, string>) {
  const req = http.get(url, { headers, agent: false });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once("response", (res) =>
      res.statusCode === 200 ? resolve(res) : reject(new Error(`${url}: ${res.statusCode}`)),
    );
    req.once("error", reject);
  });
  return { req, response };
}

/** Streams the download into `file`; resolves with its bytes. */
export async function downloadTo(url: string, headers: Record<string, string>, file: string) {
  const res = await get(url, headers).response;
  await pipeline(res, fs.createWriteStream(file));
  return fs.statSync(file).size;
}

/** Reads the download at `bytesPerSec` for `readMs`, then stops reading
 * (the connection stays open). `ended`: it all came in time; `rest()` reads
 * the remainder at full speed and resolves with the download's total bytes. */
export async function throttledRead(url: string, headers: Record<string, string>, bytesPerSec: number, readMs: number) {
  const res = await get(url, headers).response;
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  let read = 0;
  const throttle = (d: Buffer) => {
    read += d.length;
    const ahead = (read / bytesPerSec) * 1000 - elapsed();
    if (ahead <= 0) return;
    res.pause();
    setTimeout(() => elapsed() < readMs && res.resume(), ahead);
  };
  const ended = await new Promise<boolean>((resolve) => {
    const stop = setTimeout(() => (res.pause(), resolve(false)), readMs);
    res.on("data", throttle);
    res.once("end", () => (clearTimeout(stop), resolve(true)));
  });
  res.off("data", throttle);
  const readSlowly = read;
  const rest = () =>
    new Promise<number>((resolve, reject) => {
      if (res.complete) return resolve(read);
      res.on("data", (d: Buffer) => (read += d.length));
      res.once("end", () => resolve(read));
      res.once("error", reject);
      res.resume();
    });
  return { read: readSlowly, ended, rest, localPort: res.socket.localPort! };
}

/** Starts the download and goes away after its first bytes. */
export async function abandonedRead(url: string, headers: Record<string, string>) {
  const { req, response } = get(url, headers);
  const res = await response;
  await new Promise((resolve) => res.once("data", resolve));
  req.destroy();
}

async function textOf(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function linesAndHash(stream: Readable) {
  const hash = createHash("sha256");
  let lines = 0;
  for await (const c of stream) {
    const buf = c as Buffer;
    hash.update(buf);
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
  }
  return { lines, sha256: hash.digest("hex") };
}

/** Checks the zip: a manifest, and for each table its JSON Lines entry with
 * the expected rows, as many lines as the manifest says and its SHA-256. */
export async function verifyExportZip(file: string, expected: Record<string, number>) {
  const entries = listEntries(file);
  const problems: string[] = [];
  const manifestEntry = entries.find((e) => e.name === "manifest.json");
  if (!manifestEntry) return { summary: "no manifest", problems: ["the zip has no manifest.json"] };
  const manifest = JSON.parse(await textOf(openEntry(file, manifestEntry))) as Manifest;
  const counts: number[] = [];
  for (const [table, rows] of Object.entries(expected)) {
    const listed = manifest.tables.find((t) => t.table === table);
    const entry = entries.find((e) => e.name === listed?.file);
    if (!listed || !entry) {
      problems.push(`${table}: not in the zip`);
      continue;
    }
    const got = await linesAndHash(openEntry(file, entry));
    counts.push(got.lines);
    if (got.lines !== rows || listed.rows !== rows)
      problems.push(`${table}: ${got.lines} lines, manifest ${listed.rows}, expected ${rows}`);
    if (got.sha256 !== listed.sha256) problems.push(`${table}: SHA-256 differs from the manifest`);
  }
  const summary = `${entries.length}; ${counts.map((n) => n.toLocaleString()).join(" / ")}`;
  return { summary, problems };
}
