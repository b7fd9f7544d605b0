"use client";

import { useEffect, useState } from "react";

/** The current time, re-read every `tickMs` so "4 min ago" and "in the past"
 * keep up while a page stays open (no refetch). */
export function useNow(tickMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(t);
  }, [tickMs]);
  return now;
}
