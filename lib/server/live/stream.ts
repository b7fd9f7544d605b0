import "server-only";
import type { WebhookEvent } from "@/generated/prisma/client";
import { env } from "@/lib/env.mjs";
import type { LiveHello } from "@/lib/schemas/live";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { subscribe, subscribeAccessChanges, type AccessNotice } from "./bus";
import { checkGrant, takeStreamSlot, type StreamGrant, type StreamScope } from "./guard";
import { webhookRefusal } from "./health";
import { StreamRun, type RunOptions } from "./stream-run";

// Server-sent events for one browser tab: the workspace's live events, only
// for creators in the member's scope. After a reconnect the browser sends
// Last-Event-ID and missed events are replayed from the table. Access is
// re-checked while the stream is open (stream-run.ts).

/** Replay after a reconnect covers at most this much history. */
const REPLAY_WINDOW_MS = 60 * 60_000;
const REPLAY_MAX = 200;
/** Without an event for this long, webhooks may not be reaching us: browsers
 * keep polling until one arrives. */
const RECEIVING_WINDOW_MS = 24 * 60 * 60_000;
/** A refused stream (over the cap) is worth retrying once a tab has given its
 * stream up: a hidden tab does so after a minute (lib/queries/live.ts). */
const CAP_RETRY_SEC = 60;

export type LiveStreamOptions = Partial<RunOptions> & {
  /** Open streams per user and server process. */
  maxPerUser?: number;
};

export const LIVE_DEFAULTS = {
  // The bound when no access-change notice arrives (a session expiring by
  // time, a change made outside the app, a lost notice); in the 15–30 s
  // range, like the heartbeat. Costs three indexed reads per stream per tick:
  // 1,000 open streams ≈ 150 reads/s.
  recheckMs: 20_000,
  // Every stream re-authenticates this often (the browser reconnects; the
  // replay covers the gap, its window being an hour): no stream lives on
  // one access decision for longer, whatever else failed. Up to 10 % more,
  // at random, so tabs opened together do not all reconnect together.
  lifetimeMs: 30 * 60_000,
  /** Comment lines keep proxies from closing an idle stream. */
  heartbeatMs: 15_000,
  // One browser holds at most 6 connections per server over HTTP/1.1 (and a
  // hidden tab gives its stream up after a minute); 8 leaves room for a
  // second device and for a reconnect overlapping the old stream's close.
  // Each stream is a socket, three timers and a re-check every 20 s.
  maxPerUser: 8,
} satisfies Required<LiveStreamOptions>;

/** The member's own figures: their creators' last event, never another tenant's. */
export async function liveHello(scope: StreamScope, now = Date.now()): Promise<LiveHello> {
  const lastOf = (fromFanvue: boolean) =>
    scope.uuids.length > 0
      ? db.webhookEvent.findFirst({
          where: { recipientUuid: { in: scope.uuids }, ...(fromFanvue ? { event: { not: "automation-alert" } } : {}) },
          orderBy: { seq: "desc" },
          select: { seq: true, receivedAt: true },
        })
      : null;
  const [last, lastFromFanvue, refused] = await Promise.all([lastOf(false), lastOf(true), webhookRefusal(now)]);
  // Receiving: Fanvue's deliveries arrive (Vuedeck's own alerts do not say so).
  const receiving = Boolean(lastFromFanvue && now - lastFromFanvue.receivedAt.getTime() < RECEIVING_WINDOW_MS);
  return {
    webhooks: Boolean(env.FANVUE_WEBHOOK_SECRET),
    receiving,
    lastEventAt: lastFromFanvue?.receivedAt.toISOString() ?? null,
    lastSeq: last?.seq ?? 0,
    refused,
  };
}

/** The member's missed events, filtered in SQL (another tenant's burst cannot crowd them out). */
export function replayEvents(scope: StreamScope, after: number | null, now = Date.now()): Promise<WebhookEvent[]> {
  if (after === null || scope.uuids.length === 0) return Promise.resolve([]);
  return db.webhookEvent.findMany({
    where: {
      recipientUuid: { in: scope.uuids },
      seq: { gt: after },
      receivedAt: { gt: new Date(now - REPLAY_WINDOW_MS) },
    },
    orderBy: { seq: "asc" },
    take: REPLAY_MAX,
  });
}

function refusedAtOpen(reason: "signed_out" | "no_access" | "unavailable", error?: unknown): never {
  if (reason === "signed_out") throw new ApiError("unauthorized", "Sign in to continue.");
  if (reason === "no_access") throw new ApiError("not_found", "Workspace not found.");
  throw error;
}

export async function openLiveStream(
  grant: StreamGrant,
  signal: AbortSignal,
  lastEventId: number | null,
  options: LiveStreamOptions = {},
): Promise<Response> {
  const o = { ...LIVE_DEFAULTS, ...options };
  const release = takeStreamSlot(grant.userId, o.maxPerUser);
  if (!release) {
    throw new ApiError(
      "rate_limited",
      `Live updates are already open in ${o.maxPerUser} tabs or devices; this one checks for news regularly instead.`,
      { retryAfterSec: CAP_RETRY_SEC },
    );
  }
  // Listen first: events and access changes landing while the access, the
  // hello and the replay are read are held, not lost.
  const held: { events: WebhookEvent[]; changes: AccessNotice[] } = { events: [], changes: [] };
  let run: StreamRun | null = null;
  const unsubscribe = [
    subscribe((e) => (run ? run.onEvent(e) : held.events.push(e))),
    subscribeAccessChanges((c) => (run ? run.onChange(c) : held.changes.push(c))),
  ];
  const stop = () => {
    for (const u of unsubscribe) u();
    release();
  };
  try {
    const verdict = await checkGrant(grant);
    if (!verdict.ok) refusedAtOpen(verdict.reason, "error" in verdict ? verdict.error : undefined);
    const [hello, replay] = await Promise.all([liveHello(verdict.scope), replayEvents(verdict.scope, lastEventId)]);
    run = new StreamRun(grant, verdict.scope, o, stop);
    const body = run.start({ hello, replay, held, signal });
    return new Response(body, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: compression would buffer the stream.
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (err) {
    stop();
    throw err;
  }
}
