// A push service on this machine, standing in for Google's, Mozilla's or
// Apple's: it records what the app POSTs (an RFC 8291 encrypted body with a
// VAPID Authorization header) and answers what the test tells it to. The
// browser's side (its P-256 keys and auth secret) is made here too, so the
// test can decrypt what a browser would.
import crypto from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";

// http_ece: the RFC 8188 implementation web-push itself encrypts with (no types published).
const ece = createRequire(import.meta.url)("http_ece") as {
  decrypt: (body: Buffer, p: { version: "aes128gcm"; privateKey: crypto.ECDH; authSecret: string }) => Buffer;
};

export type BrowserKeys = { ecdh: crypto.ECDH; p256dh: string; auth: string };

/** A browser's subscription keys: an uncompressed P-256 public key and a 16-byte auth secret. */
export function browserKeys(): BrowserKeys {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  return { ecdh, p256dh: ecdh.getPublicKey("base64url"), auth: crypto.randomBytes(16).toString("base64url") };
}

export type ReceivedPush = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** What the browser would read from a push: the decrypted JSON. */
export const decryptPush = (push: ReceivedPush, keys: BrowserKeys) =>
  JSON.parse(
    ece.decrypt(push.body, { version: "aes128gcm", privateKey: keys.ecdh, authSecret: keys.auth }).toString("utf8"),
  ) as Record<string, unknown>;

type Reply = { status: number; headers?: Record<string, string> };

export async function startPushService() {
  const received: ReceivedPush[] = [];
  const queued = new Map<string, Reply[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      const reply = queued.get(path)?.shift() ?? { status: 201 };
      res.writeHead(reply.status, reply.headers).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** The next push to `path` gets this answer (then 201 again). */
    replyNext: (path: string, status: number, headers?: Record<string, string>) =>
      queued.set(path, [...(queued.get(path) ?? []), { status, headers }]),
    /** Resolves with the first push to `path` (from index `from` on), or rejects after `timeoutMs`. */
    async waitFor(path: string, timeoutMs = 10_000, from = 0): Promise<ReceivedPush> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.slice(from).find((r) => r.path === path);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no push to ${path} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
