import "server-only";
import type { VariantInfo, VaultItem } from "@/lib/schemas/media";
import type { FanvueMedia, FanvueVariant } from "@/lib/server/fanvue/resources/media";

// Fanvue media → what the browser gets. Signed URLs pass through to the page
// that displays them and are never written anywhere; each answer says when
// its URLs should be treated as expired so the client re-resolves in time.

/** Lifetime assumed when a URL's expiry cannot be read from it. */
const ASSUMED_TTL_MS = 5 * 60_000;
/** Upper bound whatever the URL says: a "brief" in-memory cache, by design. */
const MAX_TTL_MS = 10 * 60_000;
/** Re-resolve early: a tenth of the lifetime, at most a minute, so an image
 * that starts loading just before expiry still finishes in time. */
const MAX_MARGIN_MS = 60_000;

function readExpiry(url: string): number | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const p = u.searchParams;
  // exp= (signed CDN URLs, the sandbox) or Expires= (CloudFront, S3 SigV2): Unix seconds.
  const unix = p.get("exp") ?? p.get("Expires") ?? p.get("expires");
  if (unix && /^\d{9,11}$/.test(unix)) return Number(unix) * 1000;
  // S3 SigV4: X-Amz-Date (20260101T000000Z) + X-Amz-Expires (seconds).
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(p.get("X-Amz-Date") ?? "");
  const ttl = Number(p.get("X-Amz-Expires"));
  if (date && Number.isFinite(ttl)) {
    const [, y, mo, d, h, mi, s] = date.map(Number) as number[];
    return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) + ttl * 1000;
  }
  return null;
}

/** When to stop using `url` (epoch ms), fetched at `now`. */
export function safeExpiry(url: string, now: number): number {
  const exp = readExpiry(url);
  const ttl = Math.max(0, Math.min(MAX_TTL_MS, exp === null ? ASSUMED_TTL_MS : exp - now));
  return now + ttl - Math.min(MAX_MARGIN_MS, ttl / 10);
}

/** The earliest safe expiry of all URLs in a set of items (ISO), or null. */
export function expiryOf(urls: (string | null | undefined)[], now: number): string | null {
  let min = Infinity;
  for (const u of urls) if (u) min = Math.min(min, safeExpiry(u, now));
  return Number.isFinite(min) ? new Date(min).toISOString() : null;
}

export function variantOf(m: { variants: FanvueVariant[] }, ...types: string[]): VariantInfo | null {
  for (const t of types) {
    const v = m.variants.find((x) => x.variantType === t && x.url);
    if (v?.url) return { url: v.url, width: v.width, height: v.height };
  }
  return null;
}

/** The grid's view of an item. The main variant is asked for only for its
 * dimensions and length; its URL is not passed on (the grid never loads it). */
export function toVaultItem(m: FanvueMedia, src: number | null): VaultItem {
  const main = m.variants.find((v) => v.variantType === "main");
  return {
    uuid: m.uuid,
    status: m.status,
    mediaType: m.mediaType,
    name: m.name,
    caption: m.caption,
    description: m.description,
    createdAt: m.createdAt,
    recommendedPrice: m.recommendedPrice,
    width: main?.width ?? null,
    height: main?.height ?? null,
    lengthMs: main?.lengthMs ?? null,
    purchasedByFan: m.purchasedByFan,
    // Square gallery thumbnails fill the grid's square tiles; plain ones otherwise.
    thumb: variantOf(m, "thumbnail_gallery", "thumbnail"),
    src,
  };
}

export const missingItem = (uuid: string): VaultItem => ({
  uuid,
  status: "missing",
  mediaType: null,
  name: null,
  caption: null,
  description: null,
  createdAt: null,
  recommendedPrice: null,
  width: null,
  height: null,
  lengthMs: null,
  purchasedByFan: null,
  thumb: null,
  src: null,
});
