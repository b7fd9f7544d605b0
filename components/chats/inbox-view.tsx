"use client";

import { MessagesSquare } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { LazyFanPanel, LazyPanelDrawer } from "@/components/fans/lazy-panel";
import { useChatPatch } from "@/lib/queries/chats";
import type { ChatRow } from "@/lib/schemas/chats";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils/cn";
import { ChatList } from "./chat-list";
import { useInboxKeys } from "./use-inbox-keys";
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

// The open chat (header and its menus, claim bar, conversation, composer and its dialogs) is
// not part of the page's first load: the list is what a phone shows first. Its code is fetched
// once the page has started, and a chat opened from the URL renders on the server as before.
const loadOpenChat = () => import("./open-chat");
const OpenChat = dynamic(() => loadOpenChat().then((m) => m.OpenChat), {
  loading: () => (
    <div className="flex min-h-0 flex-col gap-3 p-4" aria-busy="true" aria-label="Loading the conversation">
      <Skeleton className="h-10 rounded-lg" />
      <Skeleton className="h-64 rounded-lg" />
    </div>
  ),
});

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
  useEffect(() => void loadOpenChat(), []);
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
