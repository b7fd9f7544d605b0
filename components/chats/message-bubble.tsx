"use client";

import { AlertTriangle, Check, Coins, FileText, Film, Loader2, Lock, Music, RotateCw, Unlock } from "lucide-react";
import type { ChatMediaItem, MessageView } from "@/lib/schemas/chats";
import { cn } from "@/lib/utils/cn";
import { messageTypeLabel, priceLabel } from "./format";
import type { LocalSend } from "./use-send-store";
import { formatDateTime, formatListTime } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";
import { RemoteImage } from "@/components/ui/remote-image";
import { formatMoney } from "@/lib/utils/format";
import { useCachedThumbs } from "./use-cached-thumbs";

/** A message from the history, or one of ours still on its way. */
export type BubbleData = {
  id: string;
  fromCreator: boolean;
  text: string | null;
  sentAt: string | null;
  mediaUuids: string[];
  mediaType: string | null;
  price: number | null;
  purchasedAt: string | null;
  type: string | null;
  sentBy: string | null;
  /** A tip's amount in cents, when known. */
  tipAmount?: number | null;
  local?: LocalSend;
};

export const fromMessage = (m: MessageView): BubbleData => ({ id: m.uuid, ...m });
export const fromLocal = (s: LocalSend): BubbleData => ({
  id: s.key,
  fromCreator: true,
  text: s.text,
  sentAt: s.createdAt,
  mediaUuids: s.mediaUuids,
  mediaType: null,
  price: s.price,
  purchasedAt: null,
  type: null,
  sentBy: null,
  local: s,
});

const TYPE_ICON = { video: Film, audio: Music, document: FileText } as const;

function Media({ uuids, media, type }: { uuids: string[]; media: Map<string, ChatMediaItem>; type: string | null }) {
  const shown = uuids.slice(0, 4);
  // What was attached, as this tab already has it, until the conversation's media answer lists it.
  const cached = useCachedThumbs(shown.filter((u) => !media.get(u)?.thumbUrl));
  if (uuids.length === 0) return null;
  return (
    <div className={cn("grid gap-1", shown.length > 1 ? "grid-cols-2" : "grid-cols-1")} data-testid="message-media">
      {shown.map((u, i) => {
        const m = media.get(u);
        const thumb = m?.thumbUrl ?? cached.get(u) ?? null;
        const Icon = TYPE_ICON[(m?.mediaType ?? type ?? "") as keyof typeof TYPE_ICON];
        return (
          <div
            key={u}
            className="relative flex aspect-square w-28 items-center justify-center overflow-hidden rounded-lg bg-black/10 sm:w-32"
          >
            {thumb ? (
              <RemoteImage src={thumb} className="size-full object-cover" loading="lazy" data-testid="message-thumb" />
            ) : Icon ? (
              <Icon className="size-6 opacity-60" aria-hidden="true" />
            ) : (
              <span className="text-xs opacity-60">Media</span>
            )}
            {i === 3 && uuids.length > 4 ? (
              <span className="absolute inset-0 flex items-center justify-center bg-black/50 text-lg font-semibold text-white">
                +{uuids.length - 4}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function Ppv({ m }: { m: BubbleData }) {
  const viewer = useViewer();
  if (m.price === null) return null;
  const bought = m.purchasedAt !== null;
  return (
    <p
      className={cn(
        "mt-1.5 inline-flex items-center gap-1.5 rounded-md px-2 py-0.5 text-xs font-medium",
        // Not bought: a darker shade of the bubble (black/20 is not lightened in dark mode, so white text keeps 4.5:1).
        bought ? "bg-brand-100 text-brand-900" : "bg-black/20",
      )}
      data-testid="ppv-badge"
      data-bought={bought}
    >
      {bought ? <Unlock className="size-3.5" aria-hidden="true" /> : <Lock className="size-3.5" aria-hidden="true" />}
      {priceLabel(m.price)} ·{" "}
      {bought
        ? `Bought ${m.purchasedAt ? formatListTime(m.purchasedAt, viewer) : ""}`
        : m.local
          ? "PPV"
          : "Not bought yet"}
    </p>
  );
}

/** "Tipped $25.00" on a tip message (the amount from the ledger or the webhook). */
function TipAmount({ m }: { m: BubbleData }) {
  // Unknown (not in the ledger or a webhook yet): the "Tip" label above the bubble says enough.
  if (m.type !== "TIP" || typeof m.tipAmount !== "number") return null;
  return (
    <p
      className="mt-1.5 inline-flex items-center gap-1.5 rounded-md bg-amber-200/70 px-2 py-0.5 text-xs font-semibold"
      data-testid="tip-amount"
    >
      <Coins className="size-3.5" aria-hidden="true" />
      Tipped {formatMoney(m.tipAmount)}
    </p>
  );
}

function LocalStatus({ s, onRetry, onCheck }: { s: LocalSend; onRetry: () => void; onCheck: () => void }) {
  if (s.status === "sending") {
    return (
      <span className="inline-flex items-center gap-1 text-muted" data-testid="send-status" data-status="sending">
        <Loader2 className="size-3 animate-spin" aria-hidden="true" /> Sending…
      </span>
    );
  }
  if (s.status === "sent") {
    return (
      <span className="inline-flex items-center gap-1 text-brand-700" data-testid="send-status" data-status="sent">
        <Check className="size-3" aria-hidden="true" /> Sent
      </span>
    );
  }
  const unknown = s.status === "unknown";
  return (
    <span
      className="flex flex-wrap items-center justify-end gap-x-2 gap-y-1 text-red-700"
      data-testid="send-status"
      data-status={s.status}
    >
      <span className="inline-flex items-center gap-1">
        <AlertTriangle className="size-3" aria-hidden="true" /> {unknown ? "State unknown — check" : "Failed"}
      </span>
      {s.error ? <span className="basis-full text-right text-[11px] opacity-80">{s.error}</span> : null}
      <button
        type="button"
        onClick={unknown ? onCheck : onRetry}
        className="inline-flex items-center gap-1 rounded border border-red-200 bg-surface px-1.5 py-0.5 font-medium hover:bg-red-50"
      >
        <RotateCw className="size-3" aria-hidden="true" /> {unknown ? "Check" : "Retry"}
      </button>
    </span>
  );
}

type BubbleProps = {
  m: BubbleData;
  media: Map<string, ChatMediaItem>;
  onRetry: (s: LocalSend) => void;
  onCheck: (s: LocalSend) => void;
  onUnsend?: (id: string) => void;
};

export function MessageBubble({ m, media, onRetry, onCheck, onUnsend }: BubbleProps) {
  const viewer = useViewer();
  const mine = m.fromCreator;
  const tip = m.type === "TIP";
  // Fanvue lets the sender take back a message, except a bought PPV or a mass-message copy.
  const canUnsend = onUnsend && mine && !m.local && m.purchasedAt === null && m.type !== "BROADCAST";
  const kind = messageTypeLabel(m.type);
  return (
    <div
      className={cn("flex flex-col gap-1", mine ? "items-end" : "items-start")}
      data-testid="message"
      data-from={mine ? "creator" : "fan"}
      data-id={m.id}
    >
      {kind ? (
        <p className="text-[11px] font-medium text-muted" data-testid="message-kind">
          {kind}
        </p>
      ) : null}
      <div
        className={cn(
          "max-w-[85%] rounded-2xl px-3.5 py-2 text-sm sm:max-w-[70%]",
          mine ? "rounded-br-md bg-brand-600 text-white" : "rounded-bl-md bg-zinc-100 text-ink",
          tip && "bg-amber-100 text-amber-950",
          m.local?.status === "failed" && "opacity-70",
        )}
      >
        <Media uuids={m.mediaUuids} media={media} type={m.mediaType} />
        {m.text ? (
          <p className={cn("break-words whitespace-pre-wrap", m.mediaUuids.length && "mt-1.5")}>{m.text}</p>
        ) : null}
        <Ppv m={m} />
        <TipAmount m={m} />
      </div>
      <p
        className="flex max-w-[85%] items-center gap-1.5 text-[11px] text-muted"
        title={m.sentAt ? formatDateTime(m.sentAt, viewer) : undefined}
      >
        <span className="tabular">{m.sentAt ? formatListTime(m.sentAt, viewer) : ""}</span>
        {m.sentBy ? <span data-testid="sent-by">· Sent by {m.sentBy}</span> : null}
        {m.local ? (
          <LocalStatus s={m.local} onRetry={() => onRetry(m.local!)} onCheck={() => onCheck(m.local!)} />
        ) : null}
        {canUnsend ? (
          <button
            type="button"
            onClick={() => onUnsend(m.id)}
            className="rounded px-1 underline-offset-2 hover:text-ink hover:underline"
            data-testid="unsend-message"
          >
            Unsend
          </button>
        ) : null}
      </p>
    </div>
  );
}
