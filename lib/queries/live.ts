"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent, LiveHello } from "@/lib/schemas/live";

// The browser end of /api/workspaces/:id/live (server-sent events).
// EventSource reconnects by itself and sends Last-Event-ID, so events missed
// while offline are replayed by the server.

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
    const es = new EventSource(`/api/workspaces/${workspaceId}/live`);
    es.addEventListener("hello", (m) => {
      const h = JSON.parse((m as MessageEvent<string>).data) as LiveHello;
      setHello(h);
      setReceiving((r) => r || h.receiving);
      setStatus(h.webhooks ? "live" : "polling");
    });
    es.addEventListener("live", (m) => {
      setReceiving(true);
      handler.current(JSON.parse((m as MessageEvent<string>).data) as LiveEvent);
    });
    // While reconnecting, poll: nothing is pushed meanwhile.
    es.onerror = () => setStatus(es.readyState === EventSource.CLOSED ? "polling" : "connecting");
    return () => es.close();
  }, [workspaceId]);

  return { status, hello, receiving };
}
