// State and helpers shared by the content modules (posts, media, uploads,
// vault, tracking links). Module state lives in WeakMaps keyed by the Sandbox
// so world/state files stay untouched and parallel sandboxes never share it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { validation } from "../http";
import type { Sandbox } from "../state";
import { stableUuid } from "../world/random";
import type { CreatorWorld, Media, Post } from "../world/types";

type ContentState = {
  /** Counter behind sandbox-made ids: same writes in the same order → same ids. */
  ids: number;
  /** Per-sandbox random key for signed media and upload URLs. */
  secret: Buffer;
  /** Part of every signature; bumping it voids every URL issued so far. */
  epoch: number;
};

const states = new WeakMap<Sandbox, ContentState>();

export function contentState(sb: Sandbox): ContentState {
  let s = states.get(sb);
  if (!s) states.set(sb, (s = { ids: 0, secret: randomBytes(32), epoch: 0 }));
  return s;
}

export function newUuid(sb: Sandbox, kind: string): string {
  const s = contentState(sb);
  return stableUuid(sb.world.seed, `content:${kind}:${++s.ids}`);
}

/** Opaque, URL-safe id (S3 upload ids are not UUIDs). */
export function newOpaqueId(sb: Sandbox, kind: string): string {
  const s = contentState(sb);
  return createHash("sha256").update(`${sb.world.seed}:${kind}:${++s.ids}`).digest("base64url").slice(0, 40);
}

// ─── Signed URLs ────────────────────────────────────────────────────────────

function signature(sb: Sandbox, path: string, exp: number) {
  const s = contentState(sb);
  return createHmac("sha256", s.secret).update(`${s.epoch}\n${path}\n${exp}`).digest("hex");
}

/** `${publicUrl}${path}?exp=<unix s>&sig=<hmac>` valid for `ttlSec` on the sandbox clock. */
export function signUrl(sb: Sandbox, path: string, ttlSec: number): string {
  const exp = Math.floor(sb.clock.now() / 1000) + ttlSec;
  return `${sb.publicUrl}${path}?exp=${exp}&sig=${signature(sb, path, exp)}`;
}

export type SignCheck = "ok" | "expired" | "invalid";

export function checkSigned(sb: Sandbox, path: string, query: URLSearchParams): SignCheck {
  const expRaw = query.get("exp") ?? "";
  const sig = query.get("sig") ?? "";
  if (!/^\d{1,12}$/.test(expRaw) || !/^[0-9a-f]{64}$/.test(sig)) return "invalid";
  const exp = Number(expRaw);
  const expected = Buffer.from(signature(sb, path, exp), "hex");
  if (!timingSafeEqual(expected, Buffer.from(sig, "hex"))) return "invalid";
  return Math.floor(sb.clock.now() / 1000) > exp ? "expired" : "ok";
}

/** S3/CloudFront answer denied presigned requests with a small XML body. */
export function s3Error(code: string, message: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
}

// ─── Time-driven state (processing media, scheduled posts) ──────────────────

const live = new WeakSet<object>();

/** Status and publication follow the sandbox clock. They are getters on the
 * world objects (rather than a sweep in our handlers) so every reader — the
 * /users/me contentCounts, chat media checks — sees the same state as the
 * media and post lists without anyone calling us first. */
export function makeMediaLive(sb: Sandbox, m: Media) {
  if (live.has(m)) return;
  live.add(m);
  let status = m.status;
  Object.defineProperty(m, "status", {
    enumerable: true,
    configurable: true,
    get: () => (status === "processing" && m.readyAt !== null && m.readyAt <= sb.clock.now() ? "ready" : status),
    set: (v: Media["status"]) => {
      status = v;
    },
  });
}

export function makePostLive(sb: Sandbox, p: Post) {
  if (live.has(p)) return;
  live.add(p);
  let publishedAt = p.publishedAt;
  Object.defineProperty(p, "publishedAt", {
    enumerable: true,
    configurable: true,
    get: () => publishedAt ?? (p.publishAt !== null && p.publishAt <= sb.clock.now() ? p.publishAt : null),
    set: (v: number | null) => {
      publishedAt = v;
    },
  });
}

/** Cheap when already done; also covers objects another module added. */
export function ensureLive(sb: Sandbox, c: CreatorWorld) {
  for (const m of c.media) makeMediaLive(sb, m);
  for (const p of c.posts) makePostLive(sb, p);
}

// ─── Body fields ────────────────────────────────────────────────────────────

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** undefined when absent, null when null, epoch ms for an ISO date-time. */
export function isoField(value: unknown, name: string): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== "string" || !ISO_RE.test(value) || Number.isNaN(Date.parse(value))) {
    throw validation(`${name} must be an ISO 8601 date-time`);
  }
  return Date.parse(value);
}

/** Required string with length bounds (names of folders, links, uploads). */
export function requiredString(value: unknown, name: string, max: number): string {
  if (value === undefined || value === null) throw validation(`${name} is required`);
  if (typeof value !== "string") throw validation(`${name} must be a string`);
  if (value.trim().length === 0) throw validation(`${name} must not be empty`);
  if (value.length > max) throw validation(`${name} must be at most ${max} characters`);
  return value;
}

export function requiredEnum<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (value === undefined || value === null) throw validation(`${name} is required`);
  if (typeof value !== "string" || !allowed.includes(value as T))
    throw validation(`${name} must be one of: ${allowed.join(", ")}`);
  return value as T;
}
