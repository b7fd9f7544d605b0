"use client";

import { Loader2, RotateCw, Upload, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cancelUpload, addUploads, retryUpload, useUploads, type UploadEntry } from "@/components/media/upload-store";
import { Button } from "@/components/ui/button";
import { FilePickerInput } from "@/components/media/file-picker-input";

// Upload on the spot: files go to the creator's vault through the vault's
// upload engine and are attached to the post as soon as Fanvue knows them
// (processing); the post can be published once they are ready.

type Mine = { name: string; size: number };

/** Uploads started from this composer: the upload store is shared by the
 * whole tab, so ours are the new entries matching the files we added. */
function useMyUploads(creatorId: string) {
  const all = useUploads(creatorId);
  const known = useRef<Set<string> | null>(null);
  const [files, setFiles] = useState<Mine[]>([]);
  const mine = all.filter(
    (e) => known.current && !known.current.has(e.id) && files.some((f) => f.name === e.name && f.size === e.size),
  );
  const start = (list: File[]) => {
    known.current ??= new Set(all.map((e) => e.id));
    setFiles((f) => [...f, ...list.map((x) => ({ name: x.name, size: x.size }))]);
    return addUploads(creatorId, list);
  };
  return { mine, start };
}

function Pending({ e }: { e: UploadEntry }) {
  const pct = e.size ? Math.round((e.sent / e.size) * 100) : 0;
  return (
    <li
      className="flex items-center gap-2 rounded-lg border border-line bg-canvas px-3 py-2 text-sm"
      data-testid="composer-upload"
      data-status={e.status}
    >
      {e.status === "failed" ? null : (
        <Loader2 className="size-4 shrink-0 animate-spin text-muted" aria-hidden="true" />
      )}
      <span className="min-w-0 flex-1 truncate">{e.name}</span>
      <span className={e.status === "failed" ? "text-red-700" : "tabular text-muted"}>
        {e.status === "failed" ? (e.error ?? "Failed") : e.status === "queued" ? "Waiting…" : `${pct}%`}
      </span>
      {e.status === "failed" ? (
        <button
          type="button"
          onClick={() => retryUpload(e.id)}
          className="rounded-md p-1 text-brand-700 hover:bg-brand-50"
          aria-label={`Retry ${e.name}`}
        >
          <RotateCw className="size-4" aria-hidden="true" />
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => cancelUpload(e.id)}
        className="rounded-md p-1 text-zinc-500 hover:bg-black/5"
        aria-label={`Cancel ${e.name}`}
      >
        <X className="size-4" aria-hidden="true" />
      </button>
    </li>
  );
}

export function UploadAttach({
  creatorId,
  onAttach,
  onRefused,
}: {
  creatorId: string;
  onAttach: (uuid: string) => void;
  onRefused: (reasons: string[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const { mine, start } = useMyUploads(creatorId);
  const attached = useRef(new Set<string>());
  useEffect(() => {
    for (const e of mine) {
      if (e.mediaUuid && !attached.current.has(e.mediaUuid)) {
        attached.current.add(e.mediaUuid);
        onAttach(e.mediaUuid);
      }
    }
  }, [mine, onAttach]);
  const pending = mine.filter((e) => !e.mediaUuid);
  return (
    <>
      <FilePickerInput inputRef={input} testId="composer-upload-input" onFiles={start} onRefused={onRefused} />
      <Button variant="secondary" onClick={() => input.current?.click()}>
        <Upload className="size-4" aria-hidden="true" /> Upload
      </Button>
      {pending.length ? (
        <ul className="flex basis-full flex-col gap-1.5" aria-label="Uploading">
          {pending.map((e) => (
            <Pending key={e.id} e={e} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
