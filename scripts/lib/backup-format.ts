// Small formatting helpers of the backup CLIs.
import fs from "node:fs";

/** 2026-12-07T10:15:00.123Z → 20261207T101500Z (sorts by time; no ":" for file systems that refuse it). */
export const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = -1;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]} (${n.toLocaleString("en-US")} bytes)`;
}

/** Which kind of backup a file is, from its first bytes. */
export function detectBackupKind(file: string): "pg_dump" | "builtin" | null {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "pg_dump";
    if (head[0] === 0x1f && head[1] === 0x8b) return "builtin";
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
