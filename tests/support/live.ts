// Helpers for the live-stream integration tests: a signed-in session (an
// Auth.js database session row, as sign-in writes it), a grant to open a
// stream with, and a reader of a server-sent event stream that waits for a
// condition instead of sleeping.
import { randomBytes } from "node:crypto";

export async function signedInSession(userId: string, expiresInMs = 86_400_000) {
  const { db } = await import("@/lib/server/db");
  const sessionToken = randomBytes(24).toString("hex");
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + expiresInMs) } });
  return sessionToken;
}

export async function grantFor(userId: string, workspaceId: string) {
  return { userId, workspaceId, sessionToken: await signedInSession(userId) };
}

export type SseEvent = { event: string; data: string; id: string | null };

/** Reads a stream to its end in the background; `until` waits for a condition. */
export function sseReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const dec = new TextDecoder();
  let text = "";
  let done = false;
  let wake: () => void = () => {};
  let changed = new Promise<void>((r) => (wake = r));
  const notify = () => {
    wake();
    changed = new Promise<void>((r) => (wake = r));
  };
  void (async () => {
    try {
      for (;;) {
        const r = await reader.read();
        if (r.done) break;
        text += dec.decode(r.value, { stream: true });
        notify();
      }
    } catch {
      // a cancelled or errored stream has ended too
    }
    done = true;
    notify();
  })();

  const events = (): SseEvent[] =>
    text
      .split("\n\n")
      .filter((block) => block.includes("event: "))
      .map((block) => {
        const line = (k: string) =>
          block
            .split("\n")
            .find((l) => l.startsWith(`${k}: `))
            ?.slice(k.length + 2) ?? null;
        return { event: line("event") ?? "message", data: line("data") ?? "", id: line("id") };
      });

  return {
    get text() {
      return text;
    },
    get done() {
      return done;
    },
    events,
    /** Live events' payloads. */
    live: () =>
      events()
        .filter((e) => e.event === "live")
        .map((e) => JSON.parse(e.data) as { seq: number; type: string; creatorId: string; text: string | null }),
    /** True once `cond` holds, false if `timeoutMs` passed first. */
    async until(cond: () => boolean, timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (!cond()) {
        const left = deadline - Date.now();
        if (left <= 0 || (done && !cond())) return cond();
        await Promise.race([changed, new Promise((r) => setTimeout(r, left))]);
      }
      return true;
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
