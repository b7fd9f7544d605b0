"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { fetchLookup, mediaKeys } from "@/lib/queries/media";
import { MAX_LOOKUP } from "@/lib/schemas/media-values";
import { RemoteImage } from "@/components/ui/remote-image";

/** Vault items attached to a message, with their thumbnails. */
export function Attachments({
  creatorId,
  uuids,
  onRemove,
}: {
  creatorId: string;
  uuids: string[];
  onRemove?: (uuid: string) => void;
}) {
  const shown = uuids.slice(0, MAX_LOOKUP);
  const lookup = useQuery({
    queryKey: [...mediaKeys.all(creatorId), "attach", shown],
    queryFn: () => fetchLookup(creatorId, shown),
    enabled: shown.length > 0,
    // Signed thumbnail URLs live 10 minutes.
    staleTime: 5 * 60_000,
  });
  if (uuids.length === 0) return null;
  const byId = new Map(lookup.data?.items.map((i) => [i.uuid, i]));
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Attached media" data-testid="attachments">
      {uuids.map((u) => {
        const item = byId.get(u);
        return (
          <li
            key={u}
            className="relative size-16 overflow-hidden rounded-lg border border-line bg-canvas"
            data-testid="attachment"
          >
            {item?.thumb?.url ? (
              <RemoteImage src={item.thumb.url} alt={item.name ?? ""} className="size-full object-cover" />
            ) : (
              <span className="flex size-full items-center justify-center text-[10px] text-muted">
                {item?.status === "missing" ? "Missing" : "Media"}
              </span>
            )}
            {onRemove ? (
              <button
                type="button"
                onClick={() => onRemove(u)}
                className="absolute top-0.5 right-0.5 rounded-full bg-black/60 p-0.5 text-white"
                aria-label="Remove attachment"
              >
                <X className="size-3" aria-hidden="true" />
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
