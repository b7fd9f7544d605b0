import type { VaultFilters } from "@/lib/queries/media";
import { vaultQuerySchema } from "@/lib/schemas/media";

// The vault's state: filters, the open preview and the scroll anchor, as read
// from and written to the URL. Pure (no "use client"): the page's server
// component parses the same URL to prefetch exactly what the client will ask.

export type VaultParams = VaultFilters & {
  /** uuid of the media open in the preview. */
  view?: string;
  /** Index of the first visible tile (scroll position). */
  at?: number;
};

const FILTER_KEYS = ["type", "folder", "usage", "fan", "fanView", "q"] as const;

/** Unknown or malformed values are dropped, never trusted. */
export function parseVaultParams(sp: URLSearchParams): VaultParams {
  const out: VaultParams = {};
  const shape = vaultQuerySchema.shape;
  for (const k of FILTER_KEYS) {
    const raw = sp.get(k);
    if (!raw) continue;
    const r = shape[k].safeParse(raw);
    if (r.success && r.data) (out as Record<string, unknown>)[k] = r.data;
  }
  if (out.fanView && !out.fan) delete out.fanView;
  const view = sp.get("view");
  if (view && /^[0-9a-f-]{36}$/i.test(view)) out.view = view;
  const at = Number(sp.get("at"));
  if (Number.isInteger(at) && at > 0 && at < 100_000) out.at = at;
  return out;
}

export function serializeVaultParams(p: VaultParams, keep?: URLSearchParams): string {
  const qs = new URLSearchParams(keep);
  for (const k of [...FILTER_KEYS, "view", "at"] as const) qs.delete(k);
  for (const k of FILTER_KEYS) if (p[k]) qs.set(k, String(p[k]));
  if (p.view) qs.set("view", p.view);
  if (p.at) qs.set("at", String(p.at));
  return qs.toString();
}

/** Filters only (what the list query depends on). */
export const filtersOf = (p: VaultParams): VaultFilters => {
  const f: VaultFilters = {};
  for (const k of FILTER_KEYS) if (p[k]) (f as Record<string, unknown>)[k] = p[k];
  return f;
};
