"use client";

import type { RefObject } from "react";
import type { ChatRow } from "@/lib/schemas/chats";
import { ChatHeader } from "./chat-header";
import { ClaimBar } from "./claim-bar";
import { Conversation } from "./conversation";
import { chatName } from "./format";
import type { InboxProps } from "./inbox-view";
import { useChatPresence } from "./use-chat-presence";
import type { useInboxParams } from "./use-inbox-params";

type Params = ReturnType<typeof useInboxParams>;

/** The open chat: its header, then the conversation and the composer. */
export function OpenChat({
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
