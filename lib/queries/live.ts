"use client";

import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { teamLive } from "@/lib/contracts/client/chats";
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

export type LiveState = {
  status: LiveStatus;
  hello: LiveHello | null;
  receiving: boolean;
  refused: WebhookRefusalState | null;
  revoked: LiveRevoked["reason"] | null;
};

const statusOf = (h: LiveHello, refused: WebhookRefusalState | null): LiveStatus =>
  !h.webhooks ? "polling" : refused ? "refused" : "live";

/** Where a connection reports: the hook's state setters and the caller's handler. */
type Sink = {
  setStatus: (s: LiveStatus) => void;
  setHello: (h: LiveHello) => void;
  setRefused: (r: WebhookRefusalState | null) => void;
  setReceiving: Dispatch<SetStateAction<boolean>>;
  setRevoked: (r: LiveRevoked["reason"]) => void;
  onEvent: (e: LiveEvent) => void;
};

/** One connection's bookkeeping, across the streams it opens. */
type Conn = {
  es: EventSource | null;
  lastSeq: number | null;
  latest: LiveHello | null;
  ended: boolean;
  idle?: ReturnType<typeof setTimeout>;
  reopen?: ReturnType<typeof setTimeout>;
};

const data = <T>(m: Event) => JSON.parse((m as MessageEvent<string>).data) as T;

/** The server's events on one stream: greeting, webhook health, live events, and the end of access. */
function listen(mine: EventSource, c: Conn, sink: Sink, close: () => void) {
  mine.addEventListener("hello", (m) => {
    const h = data<LiveHello>(m);
    c.lastSeq ??= h.lastSeq;
    c.latest = h;
    sink.setHello(h);
    sink.setRefused(h.refused);
    sink.setReceiving((r) => r || h.receiving);
    sink.setStatus(statusOf(h, h.refused));
  });
  mine.addEventListener("health", (m) => {
    const { refused: r } = data<LiveHealth>(m);
    sink.setRefused(r);
    if (c.latest) sink.setStatus(statusOf(c.latest, r));
  });
  mine.addEventListener("live", (m) => {
    const e = data<LiveEvent>(m);
    c.lastSeq = Math.max(c.lastSeq ?? 0, e.seq);
    sink.setReceiving(true);
    sink.onEvent(e);
  });
  // Access ended: stop before EventSource reconnects by itself.
  mine.addEventListener("revoked", (m) => {
    c.ended = true;
    close();
    sink.setRevoked(data<LiveRevoked>(m).reason);
    sink.setStatus("revoked");
  });
}

/** Opens the stream, reopens it when needed, and returns what ends it. */
function connect(workspaceId: string, sink: Sink): () => void {
  const c: Conn = { es: null, lastSeq: null, latest: null, ended: false };
  const close = () => {
    c.es?.close();
    c.es = null;
  };
  const open = () => {
    if (c.ended) return;
    // A reopened stream asks for what it missed since the last event seen.
    const mine = new EventSource(
      hrefOf(teamLive, { params: { workspaceId }, query: { since: c.lastSeq ?? undefined } }),
    );
    c.es = mine;
    listen(mine, c, sink, close);
    // While reconnecting, poll: nothing is pushed meanwhile. A refused
    // reconnect is not retried by EventSource: try again later.
    mine.onerror = () => {
      if (c.ended || c.es !== mine) return;
      if (mine.readyState !== EventSource.CLOSED) return sink.setStatus("connecting");
      sink.setStatus("polling");
      c.es = null;
      clearTimeout(c.reopen);
      c.reopen = setTimeout(() => document.visibilityState === "visible" && !c.es && open(), REOPEN_MS);
    };
  };
  // Browsers allow only a few connections per server over HTTP/1.1: a tab
  // left in the background gives its stream up after a minute and picks up
  // where it left off when it is shown again.
  const onVisibility = () => {
    clearTimeout(c.idle);
    if (document.visibilityState === "hidden") c.idle = setTimeout(close, HIDDEN_CLOSE_MS);
    else if (!c.es) open();
  };
  open();
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    c.ended = true;
    clearTimeout(c.idle);
    clearTimeout(c.reopen);
    document.removeEventListener("visibilitychange", onVisibility);
    close();
  };
}

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
    return connect(workspaceId, {
      setStatus,
      setHello,
      setRefused,
      setReceiving,
      setRevoked,
      onEvent: (e) => handler.current(e),
    });
  }, [workspaceId]);

  return { status, hello, receiving, refused, revoked };
}
