"use client";

import { useEffect, useRef, useState } from "react";
import { teamLive } from "@/lib/contracts/chats";
import type { LiveEvent, LiveHealth, LiveHello, LiveRevoked, WebhookRefusalState } from "@/lib/schemas/live";
import { hrefOf } from "./call";

// The browser end of /api/workspaces/:workspaceId/live (server-sent events, `teamLive`).
// EventSource reconnects by itself and sends Last-Event-ID, so events missed
// while offline are replayed by the server. The server ends a stream after
// its lifetime (the browser reconnects, authenticated again) and when the
// user's access ends (a final `revoked` event: no reconnecting).

/** A hidden tab closes its stream after this long. */
const HIDDEN_CLOSE_MS = 60_000;
/** A stream the server refused (signed out meanwhile, too many tabs, a
 * server error) is tried again after this long; the views poll meanwhile.
 * The server's retry hint for too many tabs is the same minute. */
const REOPEN_MS = 60_000;

export type LiveStatus =
  /** Connected, and the server receives Fanvue's webhooks. */
  | "live"
  /** Connected, but Fanvue's deliveries are refused (the clocks disagree): callers poll. */
  | "refused"
  /** Connected, but no webhooks are configured: callers poll instead. */
  | "polling"
  | "connecting"
  /** The user's access ended (signed out, removed): no more updates. */
  | "revoked";

export type LiveState = { status: LiveStatus; hello: LiveHello | null; receiving: boolean; refused: WebhookRefusalState | null; revoked: LiveRevoked["reason"] | null };

const statusOf = (h: LiveHello, refused: WebhookRefusalState | null): LiveStatus => (!h.webhooks ? "polling" : refused ? "refused" : "live");

export function useLiveStream(workspaceId: string, onEvent: (e: LiveEvent) => void): LiveState {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [hello, setHello] = useState<LiveHello | null>(null);
  const [receiving, setReceiving] = useState(false);
  const [refused, setRefused] = useState<WebhookRefusalState | null>(null);
  const [revoked, setRevoked] = useState<LiveRevoked["reason"] | null>(null);
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
    let latest: LiveHello | null = null;
    let ended = false;
    let idle: ReturnType<typeof setTimeout> | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const data = <T,>(m: Event) => JSON.parse((m as MessageEvent<string>).data) as T;
    const open = () => {
      if (ended) return;
      // A reopened stream asks for what it missed since the last event seen.
      const mine = new EventSource(hrefOf(teamLive, { params: { workspaceId }, query: { since: lastSeq ?? undefined } }));
      es = mine;
      mine.addEventListener("hello", (m) => {
        const h = data<LiveHello>(m);
        lastSeq ??= h.lastSeq;
        latest = h;
        setHello(h);
        setRefused(h.refused);
        setReceiving((r) => r || h.receiving);
        setStatus(statusOf(h, h.refused));
      });
      mine.addEventListener("health", (m) => {
        const { refused: r } = data<LiveHealth>(m);
        setRefused(r);
        if (latest) setStatus(statusOf(latest, r));
      });
      mine.addEventListener("live", (m) => {
        const e = data<LiveEvent>(m);
        lastSeq = Math.max(lastSeq ?? 0, e.seq);
        setReceiving(true);
        handler.current(e);
      });
      // Access ended: stop before EventSource reconnects by itself.
      mine.addEventListener("revoked", (m) => {
        ended = true;
        close();
        setRevoked(data<LiveRevoked>(m).reason);
        setStatus("revoked");
      });
      // While reconnecting, poll: nothing is pushed meanwhile. A refused
      // reconnect is not retried by EventSource: try again later.
      mine.onerror = () => {
        if (ended || es !== mine) return;
        if (mine.readyState !== EventSource.CLOSED) return setStatus("connecting");
        setStatus("polling");
        es = null;
        clearTimeout(reopen);
        reopen = setTimeout(() => document.visibilityState === "visible" && !es && open(), REOPEN_MS);
      };
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
      ended = true;
      clearTimeout(idle);
      clearTimeout(reopen);
      document.removeEventListener("visibilitychange", onVisibility);
      close();
    };
  }, [workspaceId]);

  return { status, hello, receiving, refused, revoked };
}
