"use client";

import { useSyncExternalStore } from "react";
import { ApiClientError } from "@/lib/queries/fetcher";
import { uploadApi } from "@/lib/queries/media";
import { checkUploadFile } from "@/lib/schemas/media-values";
import { onProcessed, watchProcessing } from "./processing-watch";
import { PartFailedError, runUpload, sentBytes, xhrPut, type UploadJob, type UploadTransport } from "./upload-engine";
import { sentences } from "@/lib/utils/sentences";

// Uploads in this tab, per creator. Module state (not component state) so
// they keep going while the user moves around the app.

/** Two files at once (each with two parts in flight). */
const FILE_CONCURRENCY = 2;

export type UploadStatus = "queued" | "uploading" | "processing" | "ready" | "failed";
export type UploadEntry = {
  id: string;
  creatorId: string;
  name: string;
  size: number;
  mediaType: string;
  status: UploadStatus;
  sent: number;
  error: string | null;
  mediaUuid: string | null;
  failedPart: number | null;
};
type Internal = UploadEntry & { job: UploadJob; ctl: AbortController | null };

let entries: Internal[] = [];
let snapshot: UploadEntry[] = [];
const listeners = new Set<() => void>();
const completed = new Set<(creatorId: string, mediaUuid: string) => void>();
let frame = 0;
let seq = 0;

function publish() {
  frame = 0;
  snapshot = entries.map(({ job, ctl: _ctl, ...view }) => ({ ...view, sent: sentBytes(job.parts) }));
  for (const l of listeners) l();
}
/** Progress events come many times a second: one repaint per frame. */
const changed = () => {
  if (frame) return;
  frame =
    typeof requestAnimationFrame === "function"
      ? requestAnimationFrame(publish)
      : (setTimeout(publish, 16) as unknown as number);
};

const transport = (creatorId: string): UploadTransport => ({
  start: (f) => uploadApi.start(creatorId, f),
  partUrl: async (uploadId, n, signal) => (await uploadApi.partUrl(creatorId, uploadId, n, signal)).url,
  put: xhrPut,
  complete: (uploadId, body) => uploadApi.complete(creatorId, uploadId, body),
});

function message(err: unknown) {
  if (err instanceof PartFailedError) return sentences(err.message, "Retry continues from there.");
  if (err instanceof ApiClientError) return err.message;
  return "The upload failed. Check your connection and retry.";
}

async function run(e: Internal) {
  e.status = "uploading";
  e.error = null;
  e.failedPart = null;
  e.ctl = new AbortController();
  changed();
  try {
    await runUpload(transport(e.creatorId), e.job, { name: e.name }, e.ctl.signal, changed);
    e.status = "processing";
    e.mediaUuid = e.job.session!.mediaUuid;
    for (const l of completed) l(e.creatorId, e.mediaUuid);
    watchProcessing(e.creatorId, [e.mediaUuid]);
  } catch (err) {
    if (e.ctl.signal.aborted) return;
    e.status = "failed";
    e.error = message(err);
    e.failedPart = err instanceof PartFailedError ? err.part : null;
  } finally {
    e.ctl = null;
    changed();
    pump();
  }
}

function pump() {
  let running = entries.filter((e) => e.status === "uploading").length;
  for (const e of entries) {
    if (running >= FILE_CONCURRENCY) break;
    if (e.status !== "queued") continue;
    running++;
    void run(e);
  }
}

/** Queues files; returns the refusals (type, size) to show at once. */
export function addUploads(creatorId: string, files: File[]): string[] {
  const refused: string[] = [];
  for (const file of files) {
    const check = checkUploadFile(file);
    if (!check.ok) {
      refused.push(check.reason);
      continue;
    }
    const job: UploadJob = { file, session: null, parts: [] };
    entries.push({
      id: `u${++seq}`,
      creatorId,
      name: file.name,
      size: file.size,
      mediaType: check.mediaType,
      status: "queued",
      sent: 0,
      error: null,
      mediaUuid: null,
      failedPart: null,
      job,
      ctl: null,
    });
  }
  changed();
  pump();
  return refused;
}

/** Stops an upload and forgets it: nothing of it stays on screen. */
export function cancelUpload(id: string) {
  const e = entries.find((x) => x.id === id);
  e?.ctl?.abort(new Error("canceled"));
  entries = entries.filter((x) => x.id !== id);
  changed();
  pump();
}

export function retryUpload(id: string) {
  const e = entries.find((x) => x.id === id);
  if (e?.status !== "failed") return;
  e.status = "queued";
  changed();
  pump();
}

export function clearFinished(creatorId: string) {
  entries = entries.filter((e) => e.creatorId !== creatorId || (e.status !== "ready" && e.status !== "processing"));
  changed();
}

/** Called when a file is complete on Fanvue (it now shows in the vault). */
export function onUploadCompleted(l: (creatorId: string, mediaUuid: string) => void) {
  completed.add(l);
  return () => void completed.delete(l);
}

onProcessed((creatorId, item) => {
  const e = entries.find((x) => x.creatorId === creatorId && x.mediaUuid === item.uuid);
  if (!e) return;
  e.status = item.status === "ready" ? "ready" : "failed";
  if (e.status === "failed") e.error = "Fanvue could not process this file.";
  changed();
});

// Closing the tab would lose the parts not yet sent: ask first.
if (typeof window !== "undefined") {
  window.addEventListener("beforeunload", (e) => {
    if (entries.some((x) => x.status === "uploading" || x.status === "queued")) e.preventDefault();
  });
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function useUploads(creatorId: string): UploadEntry[] {
  const all = useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => snapshot,
  );
  return all.filter((e) => e.creatorId === creatorId);
}
