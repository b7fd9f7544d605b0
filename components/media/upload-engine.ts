import type { UploadCreate, UploadSession } from "@/lib/schemas/media";
import { mapLimit } from "@/lib/utils/map-limit";

// One file through Fanvue's multipart flow: open a session (our server),
// then for each part a fresh presigned URL (our server) and a PUT of that
// slice straight to storage (File.slice: the file is read part by part, never
// whole), then complete (our server). A failed part is retried on its own; a
// file that still fails keeps its finished parts, so "Retry" resumes it.

/** Two parts of a file at once (and two files at once, in the store): four
 * PUTs in flight fill a home uplink without starving the page. */
export const PART_CONCURRENCY = 2;
/** Automatic attempts per part before the file waits for the user. */
export const PART_ATTEMPTS = 3;
/** Back-off between automatic attempts: 1 s, then 3 s. */
const RETRY_DELAYS_MS = [1_000, 3_000];

export type PartState = { n: number; start: number; end: number; loaded: number; etag: string | null; failed: boolean };

export type UploadTransport = {
  start: (f: UploadCreate) => Promise<UploadSession>;
  partUrl: (uploadId: string, n: number, signal: AbortSignal) => Promise<string>;
  /** PUTs bytes; resolves with the ETag storage answered. */
  put: (url: string, body: Blob, onProgress: (loaded: number) => void, signal: AbortSignal) => Promise<string>;
  complete: (
    uploadId: string,
    body: { mediaUuid: string; name: string; parts: { PartNumber: number; ETag: string }[] },
  ) => Promise<{ status: string }>;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
};

export type UploadJob = {
  file: Blob & { name: string; type: string; size: number };
  session: UploadSession | null;
  parts: PartState[];
};

export function planParts(size: number, partSize: number): PartState[] {
  const count = Math.max(1, Math.ceil(size / partSize));
  return Array.from({ length: count }, (_, i) => ({
    n: i + 1,
    start: i * partSize,
    end: Math.min(size, (i + 1) * partSize),
    loaded: 0,
    etag: null,
    failed: false,
  }));
}

/** Bytes sent of a job (finished parts count whole). */
export const sentBytes = (parts: PartState[]) => parts.reduce((n, p) => n + (p.etag ? p.end - p.start : p.loaded), 0);

export class PartFailedError extends Error {
  constructor(
    readonly part: number,
    readonly of: number,
    cause: unknown,
  ) {
    super(
      `Part ${part} of ${of} failed to upload${cause instanceof Error && cause.message ? ` (${cause.message})` : ""}.`,
    );
  }
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

async function sendPart(t: UploadTransport, job: UploadJob, p: PartState, signal: AbortSignal, changed: () => void) {
  const session = job.session!;
  let lastErr: unknown;
  for (let attempt = 0; attempt < PART_ATTEMPTS; attempt++) {
    if (attempt > 0) await (t.sleep ?? defaultSleep)(RETRY_DELAYS_MS[attempt - 1] ?? 3_000, signal);
    try {
      // A fresh URL every attempt: a retry never trips over an expired one.
      const url = await t.partUrl(session.uploadId, p.n, signal);
      p.etag = await t.put(url, job.file.slice(p.start, p.end), (loaded) => ((p.loaded = loaded), changed()), signal);
      p.loaded = p.end - p.start;
      p.failed = false;
      return changed();
    } catch (err) {
      if (signal.aborted) throw err;
      // Our API said the call can never work (a refusal, no such session):
      // repeating it would only spend the creator's Fanvue budget.
      if ((err as { isTransient?: boolean }).isTransient === false) throw err;
      lastErr = err;
      p.loaded = 0;
      changed();
    }
  }
  p.failed = true;
  throw new PartFailedError(p.n, job.parts.length, lastErr);
}

/** Runs (or resumes) a job up to completion; returns Fanvue's status
 * ("processing"). Parts already sent are not sent again. */
export async function runUpload(
  t: UploadTransport,
  job: UploadJob,
  meta: { name: string },
  signal: AbortSignal,
  changed: () => void,
): Promise<string> {
  if (!job.session) {
    job.session = await t.start({
      filename: job.file.name,
      name: meta.name,
      mimeType: job.file.type,
      sizeBytes: job.file.size,
    });
    job.parts = planParts(job.file.size, job.session.partSize);
    changed();
  }
  for (const p of job.parts) p.failed = false;
  await mapLimit(
    job.parts.filter((p) => !p.etag),
    PART_CONCURRENCY,
    (p) => sendPart(t, job, p, signal, changed),
  );
  const parts = job.parts.map((p) => ({ PartNumber: p.n, ETag: p.etag! }));
  const res = await t.complete(job.session.uploadId, { mediaUuid: job.session.mediaUuid, name: meta.name, parts });
  return res.status;
}

/** The browser transport: XMLHttpRequest for upload progress events. */
export function xhrPut(
  url: string,
  body: Blob,
  onProgress: (loaded: number) => void,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      const etag = xhr.getResponseHeader("ETag");
      if (xhr.status >= 200 && xhr.status < 300 && etag) resolve(etag);
      else
        reject(new Error(xhr.status === 403 ? "upload link refused" : `storage answered ${xhr.status || "nothing"}`));
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.onabort = () => reject(signal.reason ?? new Error("canceled"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
