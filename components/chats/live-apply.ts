"use client";

import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { chatKeys, patchInboxRow } from "@/lib/queries/chats";
import type { ConversationPage, MessageView } from "@/lib/schemas/chats";
import type { LiveEvent } from "@/lib/schemas/live";

// A pushed new message carries the message itself (§7.1): it goes straight
// into the open conversation and the inbox row, without spending a Fanvue
// call (the rate budget may be busy with a sync; the message must still
// show at once). Fanvue's history replaces it on the next read.

export function applyNewMessage(qc: QueryClient, e: LiveEvent) {
  const m = e.message;
  if (!m || !e.fanUuid) return false;
  const view: MessageView = {
    uuid: m.uuid,
    text: m.text,
    sentAt: m.createdAt ?? e.at,
    fromCreator: false,
    type: "SINGLE_RECIPIENT",
    mediaUuids: m.mediaUuids,
    mediaType: null,
    price: m.price,
    purchasedAt: null,
    isRead: false,
    sentBy: null,
    tipAmount: null,
  };
  const key = chatKeys.conversation(e.creatorId, e.fanUuid);
  const add = () =>
    qc.setQueryData<InfiniteData<ConversationPage>>(key, (d) => {
      const first = d?.pages[0];
      if (!d || !first || d.pages.some((p) => p.items.some((x) => x.uuid === m.uuid))) return d;
      return { ...d, pages: [{ ...first, items: [view, ...first.items] }, ...d.pages.slice(1)] };
    });
  // A read already on its way started before this message existed: its
  // answer would overwrite the message. Cancel it first (the conversation is
  // marked stale by the caller and read again later).
  if (qc.isFetching({ queryKey: key }) > 0) void qc.cancelQueries({ queryKey: key }).then(add);
  else add();
  patchInboxRow(qc, e.creatorId, e.fanUuid, (r) => ({
    ...r,
    lastMessageAt: view.sentAt,
    unreadCount: r.unreadCount + 1,
    lastMessage: {
      text: m.text,
      hasMedia: m.mediaUuids.length > 0,
      fromCreator: false,
      sentAt: view.sentAt,
      type: view.type,
    },
  }));
  return true;
}
