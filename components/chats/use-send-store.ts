"use client";

import { useSyncExternalStore } from "react";
import type { SendStatus } from "@/lib/schemas/chats";

// Optimistic sends, per conversation, kept outside React state so switching
// chats (or the list re-rendering) never loses a message that is on its way.

export type LocalSend = {
  key: string;
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  templateUuid: string | null;
  status: SendStatus;
  error: string | null;
  messageUuid: string | null;
  createdAt: string;
};

type Listener = () => void;
const sends = new Map<string, LocalSend[]>();
const listeners = new Set<Listener>();
const EMPTY: LocalSend[] = [];

const emit = () => listeners.forEach((l) => l());
export const convKey = (creatorId: string, fanUuid: string) => `${creatorId}:${fanUuid}`;

export function upsertSend(conv: string, s: LocalSend) {
  const list = sends.get(conv) ?? [];
  const i = list.findIndex((x) => x.key === s.key);
  sends.set(conv, i < 0 ? [...list, s] : list.map((x, j) => (j === i ? { ...x, ...s } : x)));
  emit();
}

export function patchSend(conv: string, key: string, patch: Partial<LocalSend>) {
  const list = sends.get(conv);
  if (!list) return;
  sends.set(
    conv,
    list.map((x) => (x.key === key ? { ...x, ...patch } : x)),
  );
  emit();
}

/** Drops sends the conversation already shows (by Fanvue's message uuid). */
export function pruneSends(conv: string, shown: Set<string>) {
  const list = sends.get(conv);
  if (!list) return;
  const kept = list.filter((s) => !(s.status === "sent" && s.messageUuid && shown.has(s.messageUuid)));
  if (kept.length !== list.length) {
    sends.set(conv, kept);
    emit();
  }
}

const subscribe = (l: Listener) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useLocalSends = (conv: string) =>
  useSyncExternalStore(
    subscribe,
    () => sends.get(conv) ?? EMPTY,
    () => EMPTY,
  );
