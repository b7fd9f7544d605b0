// The words Fanvue's API reference is written in (a JSON Schema subset),
// as zod schemas, so the route table (routes/*.ts) reads like the reference.
//
// Objects are strict: a field the reference does not list is a contract
// break, whether the sandbox sends it or the app sends it. `opt` = not in the
// reference's `required` list; `nul` = the reference allows null. Numbers the
// reference types as `number` (money included) are any finite number.
import { z } from "zod";

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const str = () => z.string();
export const num = () => z.number();
export const int = () => z.number().int();
export const bool = () => z.boolean();
export const uuid = () => z.string().regex(UUID_RE, { error: "must be a valid UUID" });
/** `format: date` and `date-time`: Fanvue sends ISO 8601 timestamps for both. */
export const dateTime = () =>
  z.string().refine((v) => !Number.isNaN(Date.parse(v)), { error: "must be an ISO 8601 date-time" });
export const enm = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
export const arr = <S extends z.ZodType>(item: S) => z.array(item);
export const obj = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);
/** An object the reference leaves open (`type: object` without properties). */
export const anyObj = () => z.record(z.string(), z.unknown());
/** `additionalProperties`: a map from any key to one shape. */
export const map = <S extends z.ZodType>(value: S) => z.record(z.string(), value);
export const opt = <S extends z.ZodType>(s: S) => s.optional();
export const nul = <S extends z.ZodType>(s: S) => s.nullable();
export const oneOf = <const S extends readonly [z.ZodType, z.ZodType, ...z.ZodType[]]>(...schemas: S) =>
  z.union(schemas);

const pagination = obj({ page: num(), size: num(), hasMore: bool() });
/** Page style: `?page=&size=` → `{data, pagination: {page, size, hasMore}}`. */
export const pageOf = <S extends z.ZodType>(item: S) => obj({ data: arr(item), pagination });
/** Cursor style: `?cursor=&size|limit=` → `{data, nextCursor}`. */
export const cursorOf = <S extends z.ZodType>(item: S) => obj({ data: arr(item), nextCursor: nul(str()) });

// ─── Query parameters ───────────────────────────────────────────────────────
// Query values arrive as strings; each parameter says how to read one.

export type QueryParam = {
  type: "number" | "integer" | "string" | "enum" | "uuid" | "date" | "boolean";
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  values?: readonly string[];
  default?: string | number | boolean;
  /** An array parameter: repeated (`a=x&a=y`, OpenAPI's default) or, where the
   * reference says so, comma-separated (`a=x,y`). */
  list?: "repeat" | "comma";
};

type Opts = Omit<QueryParam, "type" | "values" | "list">;
export const q = {
  num: (o: Opts = {}): QueryParam => ({ type: "number", ...o }),
  int: (o: Opts = {}): QueryParam => ({ type: "integer", ...o }),
  str: (o: Opts = {}): QueryParam => ({ type: "string", ...o }),
  uuid: (o: Opts = {}): QueryParam => ({ type: "uuid", ...o }),
  date: (o: Opts = {}): QueryParam => ({ type: "date", ...o }),
  bool: (o: Opts = {}): QueryParam => ({ type: "boolean", ...o }),
  enm: (values: readonly string[], o: Opts = {}): QueryParam => ({ type: "enum", values, ...o }),
  /** Array of `item`, repeated unless the reference says comma-separated. */
  list: (item: QueryParam, style: "repeat" | "comma" = "repeat"): QueryParam => ({ ...item, list: style }),
  /** `page` (from 1) and `size` (1–max, default `def`) of page-style lists. */
  paging: (def = 15, max = 50) => ({ page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max, default: def }) }),
};

// ─── Routes ─────────────────────────────────────────────────────────────────

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type Route = {
  method: Method;
  /** Path template with `{param}` segments, exactly as the reference writes it. */
  path: string;
  /** Fanvue's operation id. */
  id: string;
  scopes: readonly string[];
  query: Readonly<Record<string, QueryParam>>;
  /** The JSON body's schema; null = the operation takes no body. */
  body: z.ZodType | null;
  /** Success responses: the body's schema, or null for an empty body (204). */
  responses: Readonly<Partial<Record<200 | 201 | 204, z.ZodType | null>>>;
  /** `text/plain` success bodies (the upload part URL). */
  textResponse?: boolean;
  /** Which document describes it: the per-endpoint pages (Feb 2026), the
   * consolidated openapi.json (newer), or both (merged: see README). */
  source: "pages" | "consolidated" | "both";
};

export const route = (r: Route): Route => r;
