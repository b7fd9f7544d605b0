"use client";

import { Images } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { QueueItem } from "@/lib/schemas/post-views";
import { cn } from "@/lib/utils/cn";
import { AUDIENCE_LABELS, labelOf } from "@/lib/utils/content-labels";
import { formatMoney } from "@/lib/utils/format";
import { toLocalInputs } from "@/lib/utils/post-time";
import { dayHeading, formatWhen, zoneAbbr } from "@/lib/utils/time";
import { groupByLocalDay } from "./calendar-math";
import { ItemActions, type Notice } from "./item-actions";
import { PostThumb } from "./post-thumb";
import { useViewer } from "@/components/viewer/viewer";

type Props = {
  creatorId: string;
  items: QueueItem[];
  tz: string;
  canWrite: boolean;
  highlight: string | null;
  actions: Parameters<typeof ItemActions>[0]["actions"];
  onNotice: (n: Notice) => void;
};

function Meta({ item }: { item: QueueItem }) {
  const viewer = useViewer();
  const p = item.post;
  if (!p) return null;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
      {p.price !== null ? <Badge tone="brand">PPV {formatMoney(p.price)}</Badge> : <Badge>Free</Badge>}
      <span>{labelOf(AUDIENCE_LABELS, p.audience)}</span>
      {p.mediaUuids.length ? (
        <span className="inline-flex items-center gap-1">
          · <Images className="size-3.5" aria-hidden="true" /> {p.mediaUuids.length}
        </span>
      ) : null}
      {p.expiresAt ? <span>· expires {formatWhen(p.expiresAt, viewer)}</span> : null}
      <span>· {p.authorName ? `by ${p.authorName}` : "scheduled on Fanvue"}</span>
    </div>
  );
}

/** The queue by local day, in the viewer's zone. */
export function QueueList({ creatorId, items, tz, canWrite, highlight, actions, onNotice }: Props) {
  const viewer = useViewer();
  return (
    <div className="flex flex-col gap-4" data-testid="queue-list">
      {groupByLocalDay(items, tz).map(({ day, items: list }) => (
        <section key={day} aria-label={dayHeading(day, viewer)}>
          <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-muted uppercase">{dayHeading(day, viewer)}</h3>
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface shadow-sm">
            {list.map((i) => (
              <li
                key={`${i.kind}:${i.id}`}
                className={cn("flex items-start gap-3 px-3 py-3 sm:px-4", highlight === i.id && "bg-brand-50")}
                data-testid="queue-item"
                data-id={i.id}
                data-at={i.at}
              >
                <div className="w-16 shrink-0">
                  <p className="tabular text-sm font-semibold" data-testid="queue-time">
                    {toLocalInputs(i.at, tz).time}
                  </p>
                  <p className="text-[11px] text-muted">{zoneAbbr(Date.parse(i.at), tz)}</p>
                </div>
                {i.post ? <PostThumb creatorId={creatorId} post={i.post} /> : null}
                <div className="min-w-0 flex-1">
                  {i.href && canWrite ? (
                    <Link
                      href={i.href}
                      className="line-clamp-2 text-sm font-medium break-words hover:underline touch:min-h-11"
                    >
                      {i.title}
                    </Link>
                  ) : (
                    <p className="line-clamp-2 text-sm font-medium break-words">{i.title}</p>
                  )}
                  {i.kind === "mass_message" ? (
                    <Badge tone="info" className="mt-1">
                      Mass message
                    </Badge>
                  ) : (
                    <Meta item={i} />
                  )}
                </div>
                {canWrite ? <ItemActions item={i} actions={actions} onNotice={onNotice} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
