"use client";

import { useLayoutEffect, useRef } from "react";

/** Where focus goes when a dialog opened without a Radix trigger closes: back to what had it
 * before (the button that opened it), as it would with a trigger. Radix's default focuses the
 * trigger, and with none leaves focus on <body>, so a keyboard user starts over from the top. */
export function useReturnFocus(open: boolean) {
  const before = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement && document.activeElement !== document.body)
      before.current = document.activeElement;
  }, [open]);
  return (e: Event) => {
    const el = before.current;
    before.current = null;
    if (el?.isConnected) {
      e.preventDefault();
      el.focus();
    }
  };
}
