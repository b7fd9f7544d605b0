// Display helpers for media (pure). Dates: lib/utils/time.ts via useFormat().

/** 83_000 → "1:23"; 3_723_000 → "1:02:03". */
export function formatDuration(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

export const titleOf = (i: { caption: string | null; name: string | null; mediaType: string | null }) =>
  i.caption?.trim() || i.name?.trim() || (i.mediaType ? `Untitled ${i.mediaType}` : "Untitled");
