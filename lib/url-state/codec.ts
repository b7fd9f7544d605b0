import type { UrlPatch, UrlSchema, UrlState } from "./fields";

// A page's state in its URL, read and written through one set of fields
// (./fields.ts, no zod, so no client bundle carries a schema library): each
// field is parsed on its own (a bad or stale value falls back to its default
// and never blanks the page), and written back only when it differs from its
// default, so URLs stay short and shareable. Arrays are comma-separated.
// (Pure: the React side is ./use-url-state.ts.)

export type { UrlPatch, UrlSchema, UrlState } from "./fields";

/** The state a query string stands for: every field parsed, bad ones at their default. */
export function readUrlState<U extends UrlSchema>(schema: U, sp: URLSearchParams): UrlState<U> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = sp.get(key);
    const value = raw === null ? undefined : field.read(field.array ? raw.split(",").filter(Boolean) : raw);
    out[key] = value === undefined ? field.fallback : value;
  }
  return out as UrlState<U>;
}

const text = (v: unknown) => (Array.isArray(v) ? v.join(",") : v === undefined || v === null ? "" : String(v));

/** `base` with `patch` applied: a value equal to the field's default (or
 * empty) is removed; keys outside the schema are kept as they are. */
export function writeUrlState<U extends UrlSchema>(
  schema: U,
  base: URLSearchParams,
  patch: UrlPatch<U>,
): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const [key, value] of Object.entries(patch)) {
    const field = schema.shape[key];
    if (!field) continue;
    const v = text(value);
    if (v === "" || text(field.fallback) === v) next.delete(key);
    else next.set(key, v);
  }
  return next;
}
