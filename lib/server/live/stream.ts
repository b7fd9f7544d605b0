import "server-only";
import type { WebhookEvent } from "@/generated/prisma/client";
import { env } from "@/lib/env.mjs";
import type { LiveEvent, LiveHello } from "@/lib/schemas/live";
import { scopedCreators } from "@/lib/server/chats/team-inbox";
import { db } from "@/lib/server/db";
import type { WorkspaceAccess } from "@/lib/server/workspaces/access";
import { subscribe } from "./bus";
import { eventDetails } from "./classify";

// Server-sent events for one browser tab: the workspace's live events, only
// for creators in the member's scope. After a reconnect the browser sends
// Last-Event-ID and missed events are replayed from the table.

/** Comment lines keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** Replay after a reconnect covers at most this much history. */
const REPLAY_WINDOW_MS = 60 * 60_000;
const REPLAY_MAX = 200;
/** Without an event for this long, webhooks may not be reaching us: browsers
 * keep polling until one arrives. */
const RECEIVING_WINDOW_MS = 24 * 60 * 60_000;

export function toLiveEvent(e: WebhookEvent, creatorId: string): LiveEvent {
  const d = eventDetails(e.payload as Record<string, unknown>);
  return {
    seq: e.seq,
    type: e.event as LiveEvent["type"],
    creatorId,
    fanUuid: e.fanUuid,
    fan: d.fan,
    amount: d.amount,
    text: d.text,
    messageUuid: d.messageUuid,
    message: e.event === "message-received" ? d.message : null,
    at: e.receivedAt.toISOString(),
  };
}

async function hello(): Promise<LiveHello> {
  const last = await db.webhookEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, receivedAt: true } });
  const receiving = Boolean(last && Date.now() - last.receivedAt.getTime() < RECEIVING_WINDOW_MS);
  return { webhooks: Boolean(env.FANVUE_WEBHOOK_SECRET), receiving, lastEventAt: last?.receivedAt.toISOString() ?? null, lastSeq: last?.seq ?? 0 };
}

export async function openLiveStream(access: WorkspaceAccess, signal: AbortSignal, lastEventId: number | null): Promise<Response> {
  const creators = await scopedCreators(access);
  const byUuid = new Map<string, string[]>();
  for (const c of creators) byUuid.set(c.fanvueUuid, [...(byUuid.get(c.fanvueUuid) ?? []), c.id]);
  const encoder = new TextEncoder();
  const first = await hello();
  const replay =
    lastEventId !== null
      ? await db.webhookEvent.findMany({ where: { seq: { gt: lastEventId }, receivedAt: { gt: new Date(Date.now() - REPLAY_WINDOW_MS) } }, orderBy: { seq: "asc" }, take: REPLAY_MAX })
      : [];
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (s: string) => {
        try {
          controller.enqueue(encoder.encode(s));
        } catch {
          cleanup();
        }
      };
      const send = (e: WebhookEvent) => {
        for (const creatorId of byUuid.get(e.recipientUuid ?? "") ?? []) write(`id: ${e.seq}\nevent: live\ndata: ${JSON.stringify(toLiveEvent(e, creatorId))}\n\n`);
      };
      write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify(first)}\n\n`);
      for (const e of replay) send(e);
      const unsubscribe = subscribe(send);
      const beat = setInterval(() => write(`: keep-alive\n\n`), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(beat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: compression would buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
