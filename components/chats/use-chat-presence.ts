"use client";

import { useCallback, useEffect, useRef } from "react";
import { useChatOwnership, useHeartbeat } from "@/lib/queries/chat-claims";
import type { PresenceState } from "@/lib/schemas/chat-claims";

/** Every 10 s while the conversation is open and the tab visible: the server
 * counts a member present for 30 s, so one lost beat does not hide them. */
const HEARTBEAT_MS = 10_000;
/** A keystroke means "typing" for this long (the server shows it for 12 s). */
const TYPING_MS = 5_000;
/** Keystrokes send at most one "typing" beat this often. */
const TYPING_BEAT_MS = 3_000;

/** Who holds the chat and who is here; sends this member's beats (when they
 * may send) and tells the others when they type. */
export function useChatPresence(creatorId: string, fanUuid: string, canSend: boolean) {
  const ownership = useChatOwnership(creatorId, fanUuid);
  const { mutate } = useHeartbeat(creatorId, fanUuid);
  const typingUntil = useRef(0);
  const lastTypingBeat = useRef(0);
  const beat = useRef<(s: PresenceState) => void>(() => {});
  useEffect(() => {
    beat.current = (s) => mutate(s);
  }, [mutate]);

  useEffect(() => {
    if (!canSend) return;
    const tick = () => {
      if (document.visibilityState !== "visible") return;
      beat.current(Date.now() < typingUntil.current ? "typing" : "viewing");
    };
    tick();
    const id = setInterval(tick, HEARTBEAT_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(id);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [canSend, creatorId, fanUuid]);

  const onTyping = useCallback(() => {
    const now = Date.now();
    typingUntil.current = now + TYPING_MS;
    if (now - lastTypingBeat.current < TYPING_BEAT_MS) return;
    lastTypingBeat.current = now;
    beat.current("typing");
  }, []);
  const onStopTyping = useCallback(() => {
    if (typingUntil.current === 0) return;
    typingUntil.current = 0;
    lastTypingBeat.current = 0;
    beat.current("viewing");
  }, []);

  return { ownership: ownership.data ?? null, onTyping: canSend ? onTyping : undefined, onStopTyping };
}
