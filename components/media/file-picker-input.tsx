"use client";

import type { RefObject } from "react";
import { ACCEPT_ATTR } from "@/lib/schemas/media-values";

/** The hidden file input behind an "Upload" button: several files at once,
 * only the types Fanvue accepts; reset after each pick so the same file can
 * be chosen again. `onFiles` returns the reasons files were refused, if any. */
export function FilePickerInput({
  inputRef,
  testId,
  onFiles,
  onRefused,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  testId: string;
  onFiles: (files: File[]) => string[];
  onRefused: (reasons: string[]) => void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple
      accept={ACCEPT_ATTR}
      className="sr-only"
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={(e) => {
        const refused = onFiles([...(e.target.files ?? [])]);
        if (refused.length) onRefused(refused);
        e.target.value = "";
      }}
    />
  );
}
