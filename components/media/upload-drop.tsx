"use client";

import { Upload } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FilePickerInput } from "./file-picker-input";
import { addUploads } from "./upload-store";

type Props = { creatorId: string; onRefused: (reasons: string[]) => void };

/** "Upload" button with a file picker (several files at once). */
export function UploadButton({ creatorId, onRefused }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <FilePickerInput
        inputRef={input}
        testId="upload-input"
        onFiles={(files) => addUploads(creatorId, files)}
        onRefused={onRefused}
      />
      <Button onClick={() => input.current?.click()}>
        <Upload className="size-4" aria-hidden="true" /> Upload
      </Button>
    </>
  );
}

const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes("Files"));

/** Files dragged anywhere over the page: a full-screen drop target. */
export function DropOverlay({ creatorId, onRefused, label }: Props & { label: string }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      if (--depth.current <= 0) setOver(false);
    };
    const overFn = (e: DragEvent) => hasFiles(e) && e.preventDefault();
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      const refused = addUploads(creatorId, [...(e.dataTransfer?.files ?? [])]);
      if (refused.length) onRefused(refused);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", overFn);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", overFn);
      window.removeEventListener("drop", drop);
    };
  }, [creatorId, onRefused]);
  if (!over) return null;
  return (
    <div
      className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-brand-strong/40 p-6"
      data-testid="drop-overlay"
    >
      <div className="flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed border-white bg-brand-strong/90 px-10 py-8 text-white">
        <Upload className="size-8" aria-hidden="true" />
        <p className="text-lg font-semibold">Drop to upload</p>
        <p className="text-sm opacity-90">{label}</p>
      </div>
    </div>
  );
}
