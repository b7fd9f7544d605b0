"use client";

import { useEffect, type RefObject } from "react";
import type { ChatRow } from "@/lib/schemas/chats";
import { isTyping } from "@/lib/utils/shortcuts";
import type { InboxUrl } from "./use-inbox-params";

// Keyboard: j/k or ↓/↑ move between chats, Enter or r focuses the composer,
// / focuses the search, Escape leaves a text field. (Ctrl/⌘+Enter sending is
// the composer's own.) Keys typed into a text field stay text.

/** Arrow keys inside the message history scroll it instead. */
const inMessages = (t: EventTarget | null) =>
  t instanceof HTMLElement && Boolean(t.closest('[data-testid="messages"]'));

type Args = {
  rows: ChatRow[];
  state: InboxUrl;
  open: (r: ChatRow) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  textRef: RefObject<HTMLTextAreaElement | null>;
};

export function useInboxKeys({ rows, state, open, searchRef, textRef }: Args) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      // A dialog (the vault picker, a confirmation) keeps its keys: ↓ there is not "next chat".
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      if (isTyping(e.target)) {
        if (e.key === "Escape") (e.target as HTMLElement).blur();
        return;
      }
      // Enter on a focused button is that button's click.
      if (e.key === "Enter" && e.target instanceof HTMLButtonElement) return;
      const arrow = e.key === "ArrowDown" || e.key === "ArrowUp";
      if (arrow && inMessages(e.target)) return;
      const at = rows.findIndex(
        (r) => r.fanUuid === state.chat && (!state.team || r.creator?.id === state.chatCreator),
      );
      if (e.key === "j" || e.key === "ArrowDown" || e.key === "k" || e.key === "ArrowUp") {
        const step = e.key === "j" || e.key === "ArrowDown" ? 1 : -1;
        const next = rows[at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step))];
        if (next) {
          e.preventDefault();
          open(next);
          requestAnimationFrame(() =>
            document
              .querySelector<HTMLElement>('[data-testid="chat-row"][aria-current="true"]')
              ?.scrollIntoView({ block: "nearest" }),
          );
        }
      } else if ((e.key === "Enter" || e.key === "r") && state.chat) {
        e.preventDefault();
        textRef.current?.focus();
      } else if (e.key === "/") {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, state.chat, state.team, state.chatCreator, open, searchRef, textRef]);
}
