import "server-only";
import type { WebhookEvent } from "@/generated/prisma/client";
import type { LiveEvent, LiveHealth, LiveHello, LiveRevoked } from "@/lib/schemas/live";
import { eventDetails } from "./classify";
import type { AccessNotice } from "./bus";
import { checkGrant, type StreamGrant, type StreamScope } from "./guard";
import { webhookRefusal } from "./health";

// One open event stream while it runs. Its access is re-read from the
// database every `recheckMs`, and at once when an access change names its
// user or workspace; while a re-check runs, events are held back and then
// sent under the new verdict. Access gone → a final `revoked` event and the
// stream ends (the browser does not reconnect); the database unreachable →
// the stream ends without a verdict (fail closed: the browser reconnects and
// is authenticated again); the scope narrowed → the creators that left it are
// no longer shown. After `lifetimeMs` the stream ends and the browser
// reconnects, authenticated again.

export type RunOptions = { recheckMs: number; lifetimeMs: number; heartbeatMs: number };

type Start = {
  hello: LiveHello;
  replay: WebhookEvent[];
  held: { events: WebhookEvent[]; changes: AccessNotice[] };
  signal: AbortSignal;
};

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

const concerns = (g: StreamGrant, c: AccessNotice) =>
  (c.userId === null || c.userId === g.userId) && (c.workspaceId === null || c.workspaceId === g.workspaceId);

export class StreamRun {
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private readonly encoder = new TextEncoder();
  private readonly timers: NodeJS.Timeout[] = [];
  /** Events waiting for the stream to start or for a re-check to end. */
  private held: WebhookEvent[] = [];
  /** Sent by the replay: the held copy of one is dropped. */
  private replayed = new Set<number>();
  private checking: Promise<void> | null = null;
  private checkAgain = false;
  private health: string;
  private closed = false;

  constructor(
    private readonly grant: StreamGrant,
    private scope: StreamScope,
    private readonly o: RunOptions,
    private readonly onClose: () => void,
  ) {
    this.health = JSON.stringify(null);
  }

  start({ hello, replay, held, signal }: Start): ReadableStream<Uint8Array> {
    this.health = JSON.stringify(hello.refused);
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller;
        this.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify(hello)}\n\n`);
        for (const e of replay) {
          this.replayed.add(e.seq);
          this.send(e);
        }
        this.held = held.events;
        this.timers.push(setInterval(() => void this.recheck(), this.o.recheckMs));
        this.timers.push(setInterval(() => this.write(`: keep-alive\n\n`), this.o.heartbeatMs));
        this.timers.push(setTimeout(() => this.close(), this.o.lifetimeMs * (1 + Math.random() * 0.1)));
        if (held.changes.some((c) => concerns(this.grant, c))) void this.recheck();
        else this.flush();
        if (signal.aborted) this.close();
        else signal.addEventListener("abort", () => this.close(), { once: true });
      },
      cancel: () => this.close(),
    });
  }

  onEvent(e: WebhookEvent) {
    if (this.closed) return;
    if (this.checking) this.held.push(e);
    else this.send(e);
  }

  onChange(c: AccessNotice) {
    if (concerns(this.grant, c)) void this.recheck();
  }

  /** Re-reads the access; concurrent calls share one run, and a call during
   * a run asks for one more (that run may have read before the change). */
  recheck(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = this.runChecks().finally(() => {
      this.checking = null;
      this.flush();
    });
    return this.checking;
  }

  private async runChecks() {
    do {
      this.checkAgain = false;
      const v = await checkGrant(this.grant);
      if (this.closed) return;
      if (!v.ok) return this.end(v.reason, "error" in v ? v.error : undefined);
      this.scope = v.scope;
    } while (this.checkAgain);
    await this.pushHealth();
  }

  private async pushHealth() {
    const refused = await webhookRefusal().catch(() => undefined);
    if (refused === undefined || JSON.stringify(refused) === this.health) return;
    this.health = JSON.stringify(refused);
    this.write(`event: health\ndata: ${JSON.stringify({ refused } satisfies LiveHealth)}\n\n`);
  }

  private flush() {
    const held = this.held;
    this.held = [];
    for (const e of held) if (!this.replayed.has(e.seq)) this.send(e);
    this.replayed.clear();
  }

  private send(e: WebhookEvent) {
    for (const creatorId of this.scope.byUuid.get(e.recipientUuid ?? "") ?? []) {
      this.write(`id: ${e.seq}\nevent: live\ndata: ${JSON.stringify(toLiveEvent(e, creatorId))}\n\n`);
    }
  }

  private end(reason: LiveRevoked["reason"] | "unavailable", error?: unknown) {
    if (reason === "unavailable")
      console.error("[live] access re-check failed; stream closed", (error as Error)?.message ?? error);
    else this.write(`event: revoked\ndata: ${JSON.stringify({ reason } satisfies LiveRevoked)}\n\n`);
    this.close();
  }

  private write(s: string) {
    if (this.closed || !this.controller) return;
    try {
      this.controller.enqueue(this.encoder.encode(s));
    } catch {
      this.close();
    }
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.held = [];
    for (const t of this.timers) clearTimeout(t);
    this.onClose();
    try {
      this.controller?.close();
    } catch {
      // already closed
    }
  }
}
