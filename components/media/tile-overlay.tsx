"use client";

import { AlertTriangle, Clock, Loader2, RotateCw } from "lucide-react";
import type { VaultItem } from "@/lib/schemas/media";
import { labelOf, MEDIA_STATUS_LABELS } from "@/lib/utils/content-labels";

const buttonClass =
  "pointer-events-auto relative z-10 inline-flex items-center gap-1 rounded-md bg-surface px-2 py-1 text-xs font-medium text-ink shadow-sm ring-1 ring-zinc-200 hover:bg-canvas";

type Props = { item: VaultItem; broken: boolean; onRetry: () => void; stuck: boolean; onCheckAgain: () => void };

/** What a tile cannot show yet: processing (or given up on: the user asks
 * again), failed processing, or a thumbnail that would not load. */
export function StatusOverlay({ item, broken, onRetry, stuck, onCheckAgain }: Props) {
  if ((item.status === "processing" || item.status === "created") && stuck) {
    return (
      <div
        className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-2 bg-zinc-900/70 px-2 text-center text-white"
        data-testid="tile-stuck"
      >
        <Clock className="size-5" aria-hidden="true" />
        <span className="text-xs font-medium">Still processing</span>
        <button type="button" onClick={onCheckAgain} className={buttonClass} data-testid="tile-check-again">
          <RotateCw className="size-3" aria-hidden="true" /> Check again
        </button>
      </div>
    );
  }
  if (item.status === "processing" || item.status === "created") {
    return (
      <div
        className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-2 bg-zinc-900/70 text-white"
        data-testid="tile-processing"
      >
        <Loader2 className="size-6 animate-spin" aria-hidden="true" />
        <span className="text-xs font-medium">{labelOf(MEDIA_STATUS_LABELS, item.status)}</span>
      </div>
    );
  }
  if (item.status === "error") {
    return (
      <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-1 bg-red-50 text-red-700">
        <AlertTriangle className="size-6" aria-hidden="true" />
        <span className="text-xs font-medium">{MEDIA_STATUS_LABELS.error}</span>
      </div>
    );
  }
  if (!broken) return null;
  return (
    <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-2 bg-zinc-100 text-zinc-600">
      <span className="text-xs">Preview unavailable</span>
      <button type="button" onClick={onRetry} className={buttonClass}>
        <RotateCw className="size-3" aria-hidden="true" /> Retry
      </button>
    </div>
  );
}
