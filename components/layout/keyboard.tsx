"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { goTargets, isTyping } from "@/lib/utils/shortcuts";
import type { NavItem } from "./nav-items";

// The app's keys: ⌘K / Ctrl+K opens the palette (also while typing, as in
// every app that has one), "?" the keyboard map, "g" then a letter goes to a
// page. Keys typed into a field stay text.

/** How long "g" waits for its letter: long enough to find the key, short enough not to surprise later. */
const CHORD_MS = 1500;

export function useKeyboard(o: {
  items: NavItem[];
  onPalette: () => void;
  onHelp: () => void;
  /** A dialog is open: only ⌘K acts (it closes nothing, Radix owns Esc). */
  paused: boolean;
}) {
  const router = useRouter();
  const pending = useRef(0);
  const latest = useRef(o);
  useEffect(() => {
    latest.current = o;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { items, onPalette, onHelp, paused } = latest.current;
      if ((e.metaKey || e.ctrlKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        onPalette();
        return;
      }
      if (paused || e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        onHelp();
      } else if (e.key === "g" && !pending.current) {
        pending.current = window.setTimeout(() => (pending.current = 0), CHORD_MS);
      } else if (pending.current) {
        window.clearTimeout(pending.current);
        pending.current = 0;
        const target = goTargets(items).find((t) => t.letter === e.key.toLowerCase());
        if (target) {
          e.preventDefault();
          router.push(target.href);
        }
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
}
