// The fields a page's URL state is declared with (./codec.ts), without zod so
// no client bundle carries a schema library. Each field reads one raw URL
// value and answers the value it stands for, or undefined when it is missing
// or bad (the codec then uses the field's default). Pages build their fields
// to the same limits as the server's query schemas; lib/url-state/url-schemas.test.ts
// holds each page's fields to those schemas.

export type UrlField<T> = {
  /** `raw` is the URL's value (arrays: its comma-separated items). */
  read: (raw: string | string[]) => T | undefined;
  /** The value when the URL says nothing (or something bad); left out of written URLs. */
  fallback: T;
  /** Comma-separated in the URL. */
  array?: true;
};
export type UrlShape = Record<string, UrlField<unknown>>;
export type UrlSchema<S extends UrlShape = UrlShape> = { shape: S };
/** The state a URL stands for. */
export type UrlState<U extends UrlSchema> = { [K in keyof U["shape"]]: U["shape"][K]["fallback"] };
/** What a write may set: any field, undefined (or "") to go back to its default. */
export type UrlPatch<U extends UrlSchema> = { [K in keyof U["shape"]]?: U["shape"][K]["fallback"] | undefined };

export const urlSchema = <S extends UrlShape>(shape: S): UrlSchema<S> => ({ shape });

const one = (raw: string | string[]) => (Array.isArray(raw) ? raw.join(",") : raw);

/** One of `values`; `fallback` when absent or not one of them. */
export function oneOf<const V extends readonly string[]>(values: V): UrlField<V[number] | undefined>;
export function oneOf<const V extends readonly string[], D extends V[number]>(
  values: V,
  fallback: D,
): UrlField<V[number]>;
export function oneOf(values: readonly string[], fallback?: string): UrlField<string | undefined> {
  return { read: (raw) => (values.includes(one(raw)) ? one(raw) : undefined), fallback };
}

/** Free text up to `max` characters (after trimming when `trim`), optionally matching `pattern`. */
export const text = (o: { max: number; trim?: boolean; lower?: boolean; min?: number; pattern?: RegExp }) =>
  ({
    read: (raw) => {
      let v = one(raw);
      if (o.trim) v = v.trim();
      if (o.lower) v = v.toLowerCase();
      if (v.length > o.max || v.length < (o.min ?? 0) || (o.pattern && !o.pattern.test(v))) return undefined;
      return v;
    },
    fallback: undefined,
  }) satisfies UrlField<string | undefined> as UrlField<string | undefined>;

/** A whole number in [min, max] (as zod's coerce reads it: "" is 0). */
export function int(o: { min: number; max: number }): UrlField<number | undefined>;
export function int(o: { min: number; max: number; fallback: number }): UrlField<number>;
export function int(o: { min: number; max: number; fallback?: number }): UrlField<number | undefined> {
  return {
    read: (raw) => {
      const n = Number(one(raw));
      return Number.isInteger(n) && n >= o.min && n <= o.max ? n : undefined;
    },
    fallback: o.fallback,
  };
}

/** Up to `max` items, each passing `item` (one bad item drops the list, as a schema would). */
export const list = <T extends string>(item: (s: string) => s is T, max: number): UrlField<T[]> => ({
  read: (raw) => {
    const items = Array.isArray(raw) ? raw : [raw];
    return items.length <= max && items.every(item) ? items : undefined;
  },
  fallback: [],
  array: true,
});

/** A field that reads with the same answer everywhere but is optional (`fallback` undefined). */
export const custom = <T>(read: (raw: string) => T | undefined): UrlField<T | undefined> => ({
  read: (raw) => read(one(raw)),
  fallback: undefined,
});

/** The field with another default. */
export const withDefault = <T>(f: UrlField<T | undefined>, fallback: T): UrlField<T> => ({ ...f, fallback });

export const isIn =
  <const V extends readonly string[]>(values: V) =>
  (s: string): s is V[number] =>
    values.includes(s);
