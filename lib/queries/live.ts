"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent, LiveHello } from "@/lib/schemas/live";

// The browser end of /api/workspaces/:id/live (server-sent events).
// EventSource reconnects by itself and sends Last-Event-ID, so events missed
// while offline are replayed by the server.

/** A hidden tab closes its stream after this long. */
const HIDDEN_CLOSE_MS = 60_000;

export type LiveStatus =
  /** Connected, and the server receives Fanvue's webhooks. */
  | "live"
  /** Connected, but no webhooks are configured: callers poll instead. */
  | "polling"
  | "connecting";

export function useLiveStream(workspaceId: string, onEvent: (e: LiveEvent) => void): { status: LiveStatus; hello: LiveHello | null; receiving: boolean } {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [hello, setHello] = useState<LiveHello | null>(null);
  const [receiving, setReceiving] = useState(false);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (typeof EventSource === "undefined") {
      setStatus("polling");
      return;
    }
    let es: EventSource | null = null;
    let lastSeq: number | null = null;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      // A reopened stream asks for what it missed since the last event seen.
      es = new EventSource(`/api/workspaces/${workspaceId}/live${lastSeq !== null ? `?since=${lastSeq}` : ""}`);
      es.addEventListener("hello", (m) => {
        const h = JSON.parse((m as MessageEvent<string>).data) as LiveHello;
        lastSeq ??= h.lastSeq;
        setHello(h);
        setReceiving((r) => r || h.receiving);
        setStatus(h.webhooks ? "live" : "polling");
      });
      es.addEventListener("live", (m) => {
        const e = JSON.parse((m as MessageEvent<string>).data) as LiveEvent;
        lastSeq = Math.max(lastSeq ?? 0, e.seq);
        setReceiving(true);
        handler.current(e);
      });
      // While reconnecting, poll: nothing is pushed meanwhile.
      const mine = es;
      es.onerror = () => setStatus(mine.readyState === EventSource.CLOSED ? "polling" : "connecting");
    };
    const close = () => {
      es?.close();
      es = null;
    };
    // Browsers allow only a few connections per server over HTTP/1.1: a tab
    // left in the background gives its stream up after a minute and picks up
    // where it left off when it is shown again.
    const onVisibility = () => {
      clearTimeout(idle);
      if (document.visibilityState === "hidden") idle = setTimeout(close, HIDDEN_CLOSE_MS);
      else if (!es) open();
    };
    open();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearTimeout(idle);
      document.removeEventListener("visibilitychange", onVisibility);
      close();
    };
  }, [workspaceId]);

  return { status, hello, receiving };
}
