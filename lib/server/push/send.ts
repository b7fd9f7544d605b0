import "server-only";
import webpush from "web-push";
import { env } from "@/lib/env.mjs";
import type { PushPayload } from "@/lib/schemas/push";

// One push to one browser. web-push does the parts that are easy to get
// subtly wrong by hand (RFC 8291 aes128gcm encryption, the VAPID JWT of RFC
// 8292); the request itself goes out through fetch, with a timeout, so a
// slow push service never holds a worker.

/** A push service answers in well under a second; 10 s is a stuck connection, tried again later. */
const SEND_TIMEOUT_MS = 10_000;
/** Push services refuse payloads over 4 KB; ours are a title, a line and a path. */
const MAX_BODY_CHARS = 180;

/** The browsers' push services (Chrome/Android/Opera/Samsung: FCM; Firefox: Mozilla; Safari: Apple;
 * Edge: WNS). The server sends only there: an endpoint is a URL a browser hands us, and
 * anything else would let a member make this server POST to hosts of their choosing. */
const PUSH_HOSTS = [".googleapis.com", ".push.services.mozilla.com", ".push.apple.com", ".notify.windows.com"];
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export const isPushConfigured = () => Boolean(env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY);
export const vapidPublicKey = () => (isPushConfigured() ? env.VAPID_PUBLIC_KEY! : null);

/** Why an endpoint is refused, or null. Demo mode (the sandbox) also takes a push service on
 * this machine, which is how the tests stand in for Google's. */
export function endpointProblem(endpoint: string): string | null {
  if (!URL.canParse(endpoint)) return "endpoint is not a URL";
  const url = new URL(endpoint);
  if (env.VUEDECK_SANDBOX && LOOPBACK.has(url.hostname)) return null;
  if (url.protocol !== "https:") return "endpoint must be an https: URL";
  if (!PUSH_HOSTS.some((h) => `.${url.hostname}`.endsWith(h)))
    return "this browser's push service is not one Vuedeck sends to (Chrome, Edge, Firefox and Safari are)";
  return null;
}

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

export type SendOutcome =
  | { kind: "sent" }
  /** 404/410: the browser unsubscribed or the subscription expired; delete it. */
  | { kind: "gone"; status: number }
  /** 429, 5xx, a timeout or a network error: try again later (retryAfterMs when the service said). */
  | { kind: "retry"; status: number | null; retryAfterMs: number | null; detail: string }
  /** Anything else (400, 403, 413): trying again cannot help. */
  | { kind: "failed"; status: number; detail: string };

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The JSON the service worker reads (public/sw.js). */
export const encodePayload = (p: PushPayload) =>
  JSON.stringify({ title: clip(p.title, 80), body: clip(p.body, MAX_BODY_CHARS), url: p.url, tag: p.tag });

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const sec = Number(header);
  if (Number.isFinite(sec) && sec >= 0) return sec * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Sends one encrypted push; `ttlSec`: how long the service keeps it for a device that is offline. */
export async function sendPush(target: PushTarget, payload: PushPayload, ttlSec: number): Promise<SendOutcome> {
  const problem = endpointProblem(target.endpoint);
  if (problem) return { kind: "failed", status: 0, detail: problem };
  const req = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    encodePayload(payload),
    {
      TTL: ttlSec,
      vapidDetails: {
        subject: env.VAPID_SUBJECT,
        publicKey: env.VAPID_PUBLIC_KEY!,
        privateKey: env.VAPID_PRIVATE_KEY!,
      },
    },
  );
  // fetch sets the length itself from the body.
  const headers = Object.fromEntries(
    Object.entries(req.headers)
      .filter(([k]) => k.toLowerCase() !== "content-length")
      .map(([k, v]) => [k, String(v)]),
  );
  let res: Response;
  try {
    res = await fetch(req.endpoint, {
      method: "POST",
      headers,
      body: req.body ? new Uint8Array(req.body) : undefined,
      redirect: "error",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (err) {
    return {
      kind: "retry",
      status: null,
      retryAfterMs: null,
      detail: err instanceof Error ? err.message : String(err),
    };
  }
  const text = clip(await res.text().catch(() => ""), 200);
  if (res.ok) return { kind: "sent" };
  if (res.status === 404 || res.status === 410) return { kind: "gone", status: res.status };
  if (res.status === 429 || res.status >= 500)
    return {
      kind: "retry",
      status: res.status,
      retryAfterMs: retryAfterMs(res.headers.get("retry-after")),
      detail: `${res.status} ${text}`.trim(),
    };
  return { kind: "failed", status: res.status, detail: `${res.status} ${text}`.trim() };
}
