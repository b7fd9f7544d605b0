import { z } from "zod";

// A page's state in its URL, read and written through one zod object: each
// field is parsed on its own (a bad or stale value falls back to its default
// and never blanks the page), and written back only when it differs from its
// default, so URLs stay short and shareable. Arrays are comma-separated.
// (Pure: the React side is ./use-url-state.ts.)

export type UrlShape = z.ZodObject<Record<string, z.ZodType>>;

const unwrap = (t: z.ZodType): z.ZodType => {
  let cur = t as z.ZodType & { def?: { innerType?: z.ZodType; type?: string } };
  while (cur.def?.innerType && ["default", "optional", "catch", "nullable", "prefault"].includes(cur.def.type ?? ""))
    cur = cur.def.innerType as typeof cur;
  return cur;
};
const isArray = (t: z.ZodType) => (unwrap(t) as { def?: { type?: string } }).def?.type === "array";

/** The state a query string stands for: every field parsed, bad ones at their default. */
export function readUrlState<S extends UrlShape>(schema: S, sp: URLSearchParams): z.output<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = sp.get(key);
    const value = raw === null ? undefined : isArray(field) ? raw.split(",").filter(Boolean) : raw;
    const parsed = field.safeParse(value);
    out[key] = parsed.success ? parsed.data : field.safeParse(undefined).data;
  }
  return out as z.output<S>;
}

const text = (v: unknown) => (Array.isArray(v) ? v.join(",") : v === undefined || v === null ? "" : String(v));

/** `base` with `patch` applied: a value equal to the field's default (or
 * empty) is removed; keys outside the schema are kept as they are. */
export function writeUrlState<S extends UrlShape>(
  schema: S,
  base: URLSearchParams,
  patch: Partial<z.input<S>>,
): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const [key, value] of Object.entries(patch)) {
    const field = schema.shape[key];
    if (!field) continue;
    const v = text(value);
    const fallback = field.safeParse(undefined);
    if (v === "" || (fallback.success && text(fallback.data) === v)) next.delete(key);
    else next.set(key, v);
  }
  return next;
}
