"use client";

import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { MediaDetails, VaultItem } from "@/lib/schemas/media";
import { labelOf, MEDIA_STATUS_LABELS, MEDIA_TYPE_LABELS } from "@/lib/utils/content-labels";
import { formatMoney } from "@/lib/utils/format";
import { formatDuration, titleOf } from "./format";
import { useFormat } from "@/components/viewer/viewer";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line py-2 text-sm last:border-0">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 text-right font-medium">{children}</dd>
    </div>
  );
}

/** Facts about one item. Unknown values show "—", never a made-up zero. */
export function MediaDetailsPanel({
  item,
  details,
  hasFan,
}: {
  item: VaultItem;
  details: MediaDetails | undefined;
  hasFan: boolean;
}) {
  const f = useFormat();
  const d = details ?? item;
  const created = f.dateTime(d.createdAt);
  const dims = d.width && d.height ? `${d.width} × ${d.height}` : "—";
  return (
    <div className="flex flex-col gap-3" data-testid="preview-details">
      <div>
        <h2 className="text-base font-semibold break-words">
          {item.status === "ready" ? titleOf(d) : labelOf(MEDIA_STATUS_LABELS, item.status)}
        </h2>
        {d.caption && d.name ? <p className="mt-0.5 text-sm break-all text-muted">{d.name}</p> : null}
        {d.description ? <p className="mt-2 text-sm whitespace-pre-line">{d.description}</p> : null}
      </div>
      <dl>
        <Row label="Type">{labelOf(MEDIA_TYPE_LABELS, d.mediaType)}</Row>
        <Row label="Added">{created}</Row>
        <Row label="Dimensions">{dims}</Row>
        {d.mediaType === "video" || d.mediaType === "audio" ? (
          <Row label="Duration">{formatDuration(d.lengthMs) ?? "—"}</Row>
        ) : null}
        <Row label="Recommended price">{d.recommendedPrice !== null ? formatMoney(d.recommendedPrice) : "—"}</Row>
        {hasFan ? (
          <Row label="Bought by this fan">{d.purchasedByFan === null ? "—" : d.purchasedByFan ? "Yes" : "No"}</Row>
        ) : null}
        <Row label="Folders">
          {!details ? (
            <Skeleton className="ml-auto h-4 w-24" />
          ) : details.folders === null ? (
            <span title="Too many folder entries to check">—</span>
          ) : details.folders.length === 0 ? (
            <span className="font-normal text-muted">None</span>
          ) : (
            <span className="flex flex-wrap justify-end gap-1" data-testid="preview-folders">
              {details.folders.map((f) => (
                <Badge key={f}>{f}</Badge>
              ))}
            </span>
          )}
        </Row>
      </dl>
    </div>
  );
}
