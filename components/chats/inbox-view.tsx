"use client";

import { MessagesSquare } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { LazyFanPanel, LazyPanelDrawer } from "@/components/fans/lazy-panel";
import { useChatPatch } from "@/lib/queries/chats";
import type { ChatRow } from "@/lib/schemas/chats";
import { cn } from "@/lib/utils/cn";
import { ChatHeader } from "./chat-header";
import { ClaimBar } from "./claim-bar";
import { ChatList } from "./chat-list";
import { Conversation } from "./conversation";
import { chatName } from "./format";
import { useInboxKeys } from "./use-inbox-keys";
import { useChatPresence } from "./use-chat-presence";
import { useInboxParams } from "./use-inbox-params";

export type InboxProps = {
  creatorId: string;
  workspaceId: string;
  creatorHandle: string;
  can: { send: boolean; unsend: boolean; readFans: boolean; writeFans: boolean };
  /** Creators of the team inbox (agency staff with more than one), by id. */
  teamCreators: Record<string, string>;
};

/** Marks a chat read when it is opened (once), if it had unread messages. */
function useMarkReadOnOpen(creatorId: string, fanUuid: string | null, row: ChatRow | null, canSend: boolean) {
  const patch = useChatPatch(creatorId, fanUuid ?? "");
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!fanUuid || !row || !canSend || done.current === `${creatorId}:${fanUuid}`) return;
    done.current = `${creatorId}:${fanUuid}`;
    if (row.unreadCount > 0) patch.mutate({ isRead: true });
  }, [creatorId, fanUuid, row, canSend, patch]);
}

type Params = ReturnType<typeof useInboxParams>;

/** The open chat's row: as listed, or as last listed (read now) once it left the list. */
function useOpenRow(state: Params["state"], chatCreator: string, rows: ChatRow[]) {
  const listed = useMemo(
    () => rows.find((r) => r.fanUuid === state.chat && (!state.team || r.creator?.id === chatCreator)) ?? null,
    [state.chat, state.team, chatCreator, rows],
  );
  // The open chat may leave the list (opened from "Unread", it is read now):
  // its header and fan panel keep the fan's name from when it was listed.
  const chatKey = `${chatCreator}:${state.chat ?? ""}`;
  const [kept, setKept] = useState<{ key: string; row: ChatRow } | null>(null);
  if (listed && (kept?.key !== chatKey || kept.row !== listed)) setKept({ key: chatKey, row: listed });
  // Off the list it was read on opening (that is why it left "Unread").
  const keptRow = kept?.key === chatKey ? kept.row : null;
  const offList = useMemo(() => (keptRow ? { ...keptRow, unreadCount: 0 } : null), [keptRow]);
  return { listed, row: listed ?? offList };
}

function Inbox(p: InboxProps) {
  const { state, set } = useInboxParams();
  const [rows, setRows] = useState<ChatRow[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [drawer, setDrawer] = useState(false);
  const chatCreator = state.team && state.chatCreator ? state.chatCreator : p.creatorId;
  const { listed, row } = useOpenRow(state, chatCreator, rows);
  const open = useCallback(
    (r: ChatRow) => set({ chat: r.fanUuid, cc: state.team ? (r.creator?.id ?? null) : null }, "push"),
    [set, state.team],
  );
  useMarkReadOnOpen(chatCreator, state.chat, listed, p.can.send);
  useInboxKeys({ rows, state, open, searchRef, textRef });

  return (
    <div
      className="-mx-4 -my-6 grid h-[calc(100dvh-var(--header,4rem)-var(--tabbar,0px))] grid-cols-1 overflow-hidden bg-surface sm:-mx-6 lg:-my-8 lg:grid-cols-[300px_minmax(0,1fr)] xl:grid-cols-[300px_minmax(0,1fr)_320px]"
      data-testid="inbox"
    >
      <ChatList
        creatorId={p.creatorId}
        workspaceId={p.workspaceId}
        state={state}
        set={set}
        onOpen={open}
        onRows={setRows}
        searchRef={searchRef}
        teamAvailable={Object.keys(p.teamCreators).length > 1}
        creatorHandle={p.creatorHandle}
        className={cn("lg:border-r lg:border-line", state.chat ? "hidden lg:flex" : "flex")}
      />
      {state.chat ? (
        <OpenChat
          // A new chat mounts afresh (its draft, scroll and dialogs start over).
          key={`${chatCreator}:${state.chat}`}
          p={p}
          state={state}
          set={set}
          chatCreator={chatCreator}
          row={row}
          textRef={textRef}
          fanUuid={state.chat}
          onFanInfo={() => setDrawer(true)}
        />
      ) : (
        <NoChatOpen mediaCount={state.media.length} />
      )}
      {state.chat && p.can.readFans ? (
        <aside className="hidden min-h-0 overflow-y-auto border-l border-line xl:block" aria-label="Fan details">
          <LazyFanPanel creatorId={chatCreator} fanUuid={state.chat} canWrite={p.can.writeFans} known={row} />
        </aside>
      ) : state.chat ? null : (
        <div className="hidden xl:block" />
      )}
      {p.can.readFans ? (
        <LazyPanelDrawer
          creatorId={chatCreator}
          fanUuid={drawer ? state.chat : null}
          canWrite={p.can.writeFans}
          onClose={() => setDrawer(false)}
          known={row}
        />
      ) : null}
    </div>
  );
}

/** The open chat: its header, then the conversation and the composer. */
function OpenChat({
  p,
  state,
  set,
  chatCreator,
  fanUuid,
  row,
  textRef,
  onFanInfo,
}: Params & {
  p: InboxProps;
  chatCreator: string;
  fanUuid: string;
  row: ChatRow | null;
  textRef: RefObject<HTMLTextAreaElement | null>;
  onFanInfo: () => void;
}) {
  const fanLabel = row ? chatName(row) : "this fan";
  const presence = useChatPresence(chatCreator, fanUuid, p.can.send);
  const holder = presence.ownership?.holder;
  return (
    <section className="flex min-h-0 min-w-0 flex-col" aria-label={`Conversation with ${fanLabel}`}>
      <ChatHeader
        creatorId={chatCreator}
        fanUuid={fanUuid}
        row={row}
        canSend={p.can.send}
        canReadFans={p.can.readFans}
        canWriteFans={p.can.writeFans}
        creatorTag={state.team ? (row?.creator?.handle ?? null) : null}
        onBack={() => set({ chat: null, cc: null })}
        onFanInfo={onFanInfo}
      />
      <ClaimBar creatorId={chatCreator} fanUuid={fanUuid} ownership={presence.ownership} canSend={p.can.send} />
      <Conversation
        creatorId={chatCreator}
        fanUuid={fanUuid}
        fanLabel={fanLabel}
        canSend={p.can.send}
        canUnsend={p.can.unsend && !state.team}
        initialMedia={state.media}
        textRef={textRef}
        onSent={() => state.media.length && set({ media: null })}
        heldBy={holder && holder.userId !== presence.ownership?.you ? holder.name : null}
        onTyping={presence.onTyping}
        onStopTyping={presence.onStopTyping}
      />
    </section>
  );
}

/** Shown on wide screens while no chat is open: the keyboard shortcuts. */
function NoChatOpen({ mediaCount }: { mediaCount: number }) {
  return (
    <div className="hidden flex-col items-center justify-center gap-2 p-8 text-center text-muted lg:flex">
      <MessagesSquare className="size-10 text-zinc-300" aria-hidden="true" />
      <p className="text-sm font-medium text-ink">Pick a chat</p>
      <p className="max-w-xs text-xs">
        Move with j / k or ↑ / ↓, open with Enter, reply with r, search with /. Send with Ctrl/⌘ + Enter.
      </p>
      {mediaCount ? (
        <p className="text-xs text-brand-800">{mediaCount} vault item(s) will be attached to the chat you open.</p>
      ) : null}
    </div>
  );
}

/** Live updates and toasts come from the dashboard frame (LiveFrame). */
export function InboxView(p: InboxProps) {
  return <Inbox {...p} />;
}
