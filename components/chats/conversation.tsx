"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useChatMedia, useConversation, useUnsendMessage } from "@/lib/queries/chats";
import type { ChatMediaItem, ConversationPage, SendView } from "@/lib/schemas/chats";
import { Composer } from "./composer";
import { useLive } from "./live-provider";
import { useToasts } from "./toaster";
import { fromLocal, fromMessage, MessageBubble, type BubbleData } from "./message-bubble";
import { useSender } from "./use-sender";
import { convKey, pruneSends, useLocalSends, type LocalSend } from "./use-send-store";

type Props = {
  creatorId: string;
  fanUuid: string;
  fanLabel: string;
  canSend: boolean;
  /** Creator accounts only: Fanvue has no unsend for agencies. */
  canUnsend?: boolean;
  initialMedia: string[];
  textRef: RefObject<HTMLTextAreaElement | null>;
  onSent?: () => void;
  /** Another member holds this chat: the composer asks before sending. */
  heldBy?: string | null;
  onTyping?: () => void;
  onStopTyping?: () => void;
};

const toLocal = (s: SendView): LocalSend => ({ ...s, templateUuid: s.templateUuid });

/** History oldest → newest, then our sends not confirmed in it yet. */
function useBubbles(creatorId: string, fanUuid: string, pages: ConversationPage[] | undefined) {
  const conv = convKey(creatorId, fanUuid);
  const local = useLocalSends(conv);
  const history = useMemo(() => (pages ?? []).flatMap((p) => p.items).reverse(), [pages]);
  const shown = useMemo(() => new Set(history.map((m) => m.uuid)), [history]);
  useEffect(() => pruneSends(conv, shown), [conv, shown]);
  return useMemo(() => {
    const server = (pages?.[0]?.pending ?? []).map(toLocal);
    const byKey = new Map<string, LocalSend>(server.map((s) => [s.key, s]));
    for (const s of local) byKey.set(s.key, s);
    const waiting = [...byKey.values()].filter((s) => !(s.messageUuid && shown.has(s.messageUuid)));
    waiting.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return [...history.map(fromMessage), ...waiting.map(fromLocal)] as BubbleData[];
  }, [history, local, pages, shown]);
}

/** Thumbnails by media uuid; reads further pages while shown messages lack one. */
function useMediaMap(creatorId: string, fanUuid: string, bubbles: BubbleData[]) {
  // Only conversations with media pay for the thumbnail call.
  const q = useChatMedia(
    creatorId,
    fanUuid,
    bubbles.some((b) => !b.local && b.mediaUuids.length > 0),
  );
  const map = useMemo(
    () => new Map<string, ChatMediaItem>((q.data?.pages ?? []).flatMap((p) => p.items).map((i) => [i.uuid, i])),
    [q.data],
  );
  const missing = bubbles.some((b) => !b.local && b.mediaUuids.some((u) => !map.has(u)));
  useEffect(() => {
    if (missing && q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
  }, [missing, q]);
  return map;
}

/** Confirms, unsends, and says so (or why not). */
function useUnsend(creatorId: string, fanUuid: string) {
  const m = useUnsendMessage(creatorId, fanUuid);
  const { push } = useToasts();
  return (messageUuid: string) => {
    if (!confirm("Unsend this message? The fan will no longer see it.")) return;
    m.mutate(messageUuid, {
      onSuccess: () => push({ title: "Message unsent", tone: "success" }),
      onError: (err) =>
        push({ title: "Could not unsend", body: err instanceof Error ? err.message : undefined, tone: "danger" }),
    });
  };
}

type ConversationQuery = ReturnType<typeof useConversation>;

/** Keeps the view where it was when older messages load above it; follows
 * new messages at the bottom unless the user scrolled up to read. */
function useScrollAnchor(q: ConversationQuery, bubbles: BubbleData[]) {
  const scroller = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const stick = useRef(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (anchor.current) {
      el.scrollTop = anchor.current.top + (el.scrollHeight - anchor.current.height);
      anchor.current = null;
    } else if (stick.current) el.scrollTop = el.scrollHeight;
  }, [bubbles]);

  useEffect(() => {
    const el = top.current;
    if (!el) return;
    const io = new IntersectionObserver((e) => {
      if (!e[0]?.isIntersecting || !q.hasNextPage || q.isFetchingNextPage || !scroller.current) return;
      anchor.current = { height: scroller.current.scrollHeight, top: scroller.current.scrollTop };
      void q.fetchNextPage();
    });
    io.observe(el);
    return () => io.disconnect();
  }, [q]);

  return { scroller, top, stick };
}

export function Conversation(p: Props) {
  const { pollMs } = useLive();
  const q = useConversation(p.creatorId, p.fanUuid, pollMs("conversation"));
  const bubbles = useBubbles(p.creatorId, p.fanUuid, q.data?.pages);
  const media = useMediaMap(p.creatorId, p.fanUuid, bubbles);
  const { send, retry, check } = useSender(p.creatorId, p.fanUuid);
  const unsend = useUnsend(p.creatorId, p.fanUuid);
  const { scroller, top, stick } = useScrollAnchor(q, bubbles);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
        // On touch screens every control in the messages (Unsend, Retry, …) gets a 44 px target.
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain bg-canvas/60 px-3 py-4 sm:px-5 touch:[&_button]:min-h-11 touch:[&_button]:min-w-11"
        data-testid="messages"
        // A Tab stop, so the history scrolls by keyboard too (WCAG 2.1.1); ↑/↓ scroll it there.
        tabIndex={0}
        role="region"
        aria-label="Messages"
      >
        <div ref={top} className="h-1" />
        {q.isFetchingNextPage ? <p className="pb-2 text-center text-xs text-muted">Loading earlier messages…</p> : null}
        {!q.hasNextPage && q.data ? (
          <p className="pb-3 text-center text-xs text-muted">Start of the conversation</p>
        ) : null}
        <MessageList
          q={q}
          bubbles={bubbles}
          media={media}
          onRetry={(s) => void retry(s)}
          onCheck={(s) => void check(s.key)}
          onUnsend={p.canUnsend ? unsend : undefined}
        />
      </div>
      {p.canSend ? (
        <Composer
          creatorId={p.creatorId}
          fanUuid={p.fanUuid}
          fanLabel={p.fanLabel}
          initialMedia={p.initialMedia}
          textRef={p.textRef}
          heldBy={p.heldBy ?? null}
          onTyping={p.onTyping}
          onStopTyping={p.onStopTyping}
          onSend={(input) => {
            stick.current = true;
            void send(input);
            p.onSent?.();
          }}
        />
      ) : (
        <p className="border-t border-line bg-surface p-3 text-sm text-muted">
          Your role can read chats but not send messages.
        </p>
      )}
    </div>
  );
}

type BubbleProps = Parameters<typeof MessageBubble>[0];

/** Skeletons while loading, the error when nothing is shown, else the bubbles. */
function MessageList({
  q,
  bubbles,
  media,
  onRetry,
  onCheck,
  onUnsend,
}: {
  q: ConversationQuery;
  bubbles: BubbleData[];
  media: Map<string, ChatMediaItem>;
  onRetry: BubbleProps["onRetry"];
  onCheck: BubbleProps["onCheck"];
  onUnsend: BubbleProps["onUnsend"];
}) {
  if (q.isPending)
    return (
      <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading messages">
        {["w-2/5", "w-3/5 ml-auto", "w-1/3", "w-1/2 ml-auto"].map((w) => (
          <Skeleton key={w} className={`h-10 rounded-2xl ${w}`} />
        ))}
      </div>
    );
  if (q.isError && bubbles.length === 0)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} what="this conversation" />;
  return (
    <div className="flex flex-col gap-3">
      {bubbles.map((b) => (
        <MessageBubble key={b.id} m={b} media={media} onRetry={onRetry} onCheck={onCheck} onUnsend={onUnsend} />
      ))}
    </div>
  );
}
