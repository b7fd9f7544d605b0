"use client";

import { MAX_TEXT, textLength } from "@/lib/schemas/posts-values";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "@/lib/utils/format";
import { FieldShell } from "./field-shell";
import { Textarea } from "@/components/ui/input";

/** The counter turns amber this close to the limit. */
const WARN_AT = MAX_TEXT - 200;

export function TextField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
}) {
  const n = textLength(value);
  return (
    <FieldShell
      id="text"
      label="Text"
      error={error}
      hint="Emoji count as two characters, as on Fanvue."
      aside={
        <span
          className={cn(
            "tabular text-xs",
            n > MAX_TEXT ? "font-semibold text-red-700" : n > WARN_AT ? "text-amber-700" : "text-muted",
          )}
          data-testid="text-count"
          aria-live="polite"
        >
          {formatCount(n)} / {formatCount(MAX_TEXT)}
        </span>
      }
    >
      <Textarea
        aria-labelledby="text-label"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? "text-error" : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={6}
        placeholder="Write a caption…"
        className={cn("min-h-36 w-full resize-y text-base sm:text-sm", error ? "border-red-400" : "border-line")}
        data-testid="composer-text"
      />
    </FieldShell>
  );
}
