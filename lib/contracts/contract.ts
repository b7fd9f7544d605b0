import type { z } from "zod";
import type { Permission } from "@/lib/schemas/permissions";

// One value per /api route, imported by both sides: the handler
// (lib/server/api/route.ts takes access, permission and the input schemas
// from it, and tsc checks what the handler returns against `response`) and
// the client (lib/queries/call.ts builds the URL from `path` and infers the
// input and answer types). A route whose answer changes breaks tsc in its
// callers; no caller writes a path or an answer type by hand.
//
//   export const earningsReport = route<EarningsReport>()({
//     method: "GET", path: "/api/creators/:creatorId/earnings",
//     access: "creator", permission: "earnings:read", query: earningsQuerySchema,
//   });

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type Access = "public" | "user" | "workspace" | "creator";

type ContractShape = {
  method: Method;
  path: `/api/${string}`;
  access: Access;
  /** Required for workspace and creator routes (the role table). */
  permission?: Permission;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer is not JSON (a CSV stream): callers link to it instead. */
  raw?: true;
};

declare const RESPONSE: unique symbol;
/** `R` is carried as a type only (no runtime schema): handlers are checked
 * against it by tsc, answers are not re-validated at run time. */
export type RouteContract<C extends ContractShape = ContractShape, R = unknown> = C & { readonly [RESPONSE]?: R };

/** Declares a route's contract; `R` is what its handler answers (JSON). */
export const route =
  <R = null>() =>
  <const C extends ContractShape>(
    c: C & (C["access"] extends "workspace" | "creator" ? { permission: Permission } : unknown),
  ): RouteContract<C, R> =>
    c as RouteContract<C, R>;

/** A route as the client needs it at run time (method, path, raw), typed as its
 * full contract: no zod schema reaches the browser (lib/contracts/client.ts). */
export const clientRoute = <C extends RouteContract>(method: C["method"], path: C["path"], raw?: true): C =>
  (raw ? { method, path, raw } : { method, path }) as unknown as C;

export type ResponseOf<C> = C extends { readonly [RESPONSE]?: infer R } ? R : never;

/** `"/api/creators/:creatorId/fans/:fanUuid"` → `"creatorId" | "fanUuid"`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
export type ParamsOf<C extends ContractShape> = { [K in ParamNames<C["path"]>]: string };
export type QueryOf<C extends ContractShape> = C extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;
export type BodyOf<C extends ContractShape> = C extends { body: infer B extends z.ZodType } ? z.input<B> : never;

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** The route's path with its parameters filled in (each URL-encoded). */
export function pathOf(c: ContractShape, params: Record<string, string>): string {
  return c.path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new TypeError(`${c.path}: missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

/** Path and query string; empty and undefined values are left out, arrays repeat the key. */
export function urlOf(
  c: ContractShape,
  params: Record<string, string>,
  query?: Record<string, QueryValue> | URLSearchParams,
): string {
  const qs = query instanceof URLSearchParams ? new URLSearchParams(query) : new URLSearchParams();
  if (query && !(query instanceof URLSearchParams)) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === "") continue;
      if (Array.isArray(v)) for (const x of v) qs.append(k, String(x));
      else qs.set(k, String(v));
    }
  }
  const s = qs.toString();
  return s ? `${pathOf(c, params)}?${s}` : pathOf(c, params);
}
