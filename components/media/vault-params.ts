import type { VaultFilters } from "@/lib/queries/media";
import { FAN_VIEWS, folderNameError, MEDIA_TYPES, MEDIA_USAGES } from "@/lib/schemas/media-values";
import { readUrlState, writeUrlState } from "@/lib/url-state/codec";
import { custom, int, oneOf, text, urlSchema } from "@/lib/url-state/fields";

// The vault's state: filters, the open preview and the scroll anchor, as read
// from and written to the URL through the one URL-state codec (lib/url-state),
// to the limits of the server's filter schema (url-schemas.test.ts). Pure (no "use client"): the page's
// server component parses the same URL to prefetch exactly what the client
// will ask.

/** A media id as vaultQuerySchema's `z.guid()` reads it. */
const GUID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export const vaultUrlSchema = urlSchema({
  type: oneOf(MEDIA_TYPES),
  folder: custom((v) => (folderNameError(v) ? undefined : v.trim())),
  usage: oneOf(MEDIA_USAGES),
  fan: text({ max: 36, pattern: GUID }),
  fanView: oneOf(FAN_VIEWS),
  q: text({ max: 100, trim: true }),
  /** uuid of the media open in the preview. */
  view: text({ max: 36, pattern: /^[0-9a-f-]{36}$/i }),
  /** Index of the first visible tile (scroll position). */
  at: int({ min: 1, max: 99_999 }),
});

export type VaultParams = VaultFilters & { view?: string; at?: number };

const FILTER_KEYS = ["type", "folder", "usage", "fan", "fanView", "q"] as const;

/** Unknown or malformed values are dropped, never trusted. */
export function parseVaultParams(sp: URLSearchParams): VaultParams {
  const all = readUrlState(vaultUrlSchema, sp);
  const out: VaultParams = {};
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== "") (out as Record<string, unknown>)[k] = v;
  // "What this fan bought" means nothing without the fan.
  if (out.fanView && !out.fan) delete out.fanView;
  return out;
}

/** The query string for `p`; other parameters of `keep` (e.g. fanName) stay. */
export function serializeVaultParams(p: VaultParams, keep?: URLSearchParams): string {
  const cleared = Object.fromEntries(Object.keys(vaultUrlSchema.shape).map((k) => [k, undefined]));
  return writeUrlState(vaultUrlSchema, new URLSearchParams(keep), { ...cleared, ...p }).toString();
}

/** Filters only (what the list query depends on). */
export const filtersOf = (p: VaultParams): VaultFilters => {
  const f: VaultFilters = {};
  for (const k of FILTER_KEYS) if (p[k]) (f as Record<string, unknown>)[k] = p[k];
  return f;
};
