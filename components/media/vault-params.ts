import { z } from "zod";
import type { VaultFilters } from "@/lib/queries/media";
import { vaultQuerySchema } from "@/lib/schemas/media";
import { readUrlState, writeUrlState } from "@/lib/url-state/codec";

// The vault's state: filters, the open preview and the scroll anchor, as read
// from and written to the URL through the one URL-state codec (lib/url-state),
// with the server's own filter schema. Pure (no "use client"): the page's
// server component parses the same URL to prefetch exactly what the client
// will ask.

const s = vaultQuerySchema.shape;
export const vaultUrlSchema = z.object({
  type: s.type,
  folder: s.folder,
  usage: s.usage,
  fan: s.fan,
  fanView: s.fanView,
  q: s.q,
  /** uuid of the media open in the preview. */
  view: z
    .string()
    .regex(/^[0-9a-f-]{36}$/i)
    .optional(),
  /** Index of the first visible tile (scroll position). */
  at: z.coerce.number().int().min(1).max(99_999).optional(),
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
