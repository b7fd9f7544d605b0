"use client";

import { CheckCircle2, ChevronDown, ChevronUp, Loader2, RotateCw, X } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/utils/cn";
import { formatBytes } from "./format";
import { checkProcessingAgain, isProcessingStuck, useStuckVersion } from "./processing-watch";
import { cancelUpload, clearFinished, retryUpload, useUploads, type UploadEntry } from "./upload-store";
import { Progress } from "@/components/ui/progress";

function Bar({ value, label, testId, failed }: { value: number; label: string; testId?: string; failed?: boolean }) {
  const pct = Math.round(value * 100);
  return <Progress value={pct} label={label} testId={testId} tone={failed ? "warning" : "upload"} thin />;
}

const STATUS: Record<UploadEntry["status"], string> = {
  queued: "Waiting…",
  uploading: "Uploading",
  processing: "Processing on Fanvue…",
  ready: "Ready",
  failed: "Failed",
};

function Row({ e }: { e: UploadEntry }) {
  useStuckVersion();
  const progress = e.size ? e.sent / e.size : 0;
  const stuck = e.status === "processing" && e.mediaUuid !== null && isProcessingStuck(e.creatorId, e.mediaUuid);
  return (
    <li className="flex flex-col gap-1.5 py-2.5" data-testid="upload-row" data-status={e.status}>
      <div className="flex items-center gap-2">
        <span className="min-w-0 flex-1 truncate text-sm font-medium" title={e.name}>
          {e.name}
        </span>
        {e.status === "ready" ? <CheckCircle2 className="size-4 text-brand-600" aria-hidden="true" /> : null}
        {e.status === "processing" && !stuck ? (
          <Loader2 className="size-4 animate-spin text-muted" aria-hidden="true" />
        ) : null}
        {stuck ? (
          <button
            type="button"
            onClick={() => checkProcessingAgain(e.creatorId, [e.mediaUuid!])}
            className="rounded-md px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50"
            data-testid="upload-check-again"
          >
            Check again
          </button>
        ) : null}
        {e.status === "failed" && !e.mediaUuid ? (
          <button
            type="button"
            onClick={() => retryUpload(e.id)}
            className="rounded-md p-1 text-brand-700 hover:bg-brand-50"
            aria-label={`Retry ${e.name}`}
          >
            <RotateCw className="size-4" aria-hidden="true" />
          </button>
        ) : null}
        {e.status === "queued" || e.status === "uploading" || e.status === "failed" ? (
          <button
            type="button"
            onClick={() => cancelUpload(e.id)}
            className="rounded-md p-1 text-zinc-500 hover:bg-black/5"
            aria-label={`Cancel ${e.name}`}
          >
            <X className="size-4" aria-hidden="true" />
          </button>
        ) : null}
      </div>
      {e.status === "uploading" || e.status === "queued" || (e.status === "failed" && !e.mediaUuid) ? (
        <Bar
          value={progress}
          label={`${e.name} upload progress`}
          testId="upload-progress"
          failed={e.status === "failed"}
        />
      ) : null}
      <p className={cn("text-xs", e.status === "failed" ? "text-red-700" : "text-muted")} data-testid="upload-status">
        {e.status === "failed" && e.error
          ? e.error
          : stuck
            ? `Still processing on Fanvue · ${formatBytes(e.size)}`
            : `${STATUS[e.status]}${e.status === "uploading" ? ` · ${formatBytes(e.sent)} of ${formatBytes(e.size)}` : ` · ${formatBytes(e.size)}`}`}
      </p>
    </li>
  );
}

/** Per-file and overall progress of this tab's uploads, bottom right. */
export function UploadPanel({ creatorId, raised }: { creatorId: string; raised: boolean }) {
  const uploads = useUploads(creatorId);
  const [collapsed, setCollapsed] = useState(false);
  if (!uploads.length) return null;
  const active = uploads.filter((u) => u.status === "queued" || u.status === "uploading");
  const total = active.reduce((n, u) => n + u.size, 0);
  const sent = active.reduce((n, u) => n + u.sent, 0);
  const done = uploads.every((u) => u.status === "ready" || u.status === "processing");
  const title = active.length
    ? `Uploading ${active.length} of ${uploads.length}`
    : uploads.some((u) => u.status === "failed")
      ? "Some uploads failed"
      : "Uploads";
  return (
    <section
      className={cn(
        "fixed right-3 z-40 w-[calc(100vw-1.5rem)] max-w-sm rounded-xl border border-line bg-surface shadow-xl sm:right-6",
        raised ? "bottom-20" : "bottom-[calc(var(--tabbar,0px)+1rem)]",
      )}
      aria-label="Uploads"
      data-testid="upload-panel"
    >
      <header className="flex items-center gap-2 px-4 pt-3 pb-2">
        <h2 className="flex-1 text-sm font-semibold">{title}</h2>
        {done ? (
          <button
            type="button"
            className="text-xs font-medium text-brand-700 hover:underline"
            onClick={() => clearFinished(creatorId)}
          >
            Clear
          </button>
        ) : null}
        <button
          type="button"
          className="rounded-md p-1 hover:bg-black/5"
          onClick={() => setCollapsed((c) => !c)}
          aria-label={collapsed ? "Show uploads" : "Hide uploads"}
        >
          {collapsed ? (
            <ChevronUp className="size-4" aria-hidden="true" />
          ) : (
            <ChevronDown className="size-4" aria-hidden="true" />
          )}
        </button>
      </header>
      {active.length ? (
        <div className="px-4 pb-2">
          <Bar value={total ? sent / total : 0} label="Overall upload progress" testId="upload-overall" />
          <p className="mt-1 text-xs text-muted">
            {formatBytes(sent)} of {formatBytes(total)}
          </p>
        </div>
      ) : null}
      {!collapsed ? (
        <ul className="max-h-72 divide-y divide-line overflow-y-auto border-t border-line px-4">
          {uploads.map((u) => (
            <Row key={u.id} e={u} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
