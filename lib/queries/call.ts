import type { z } from "zod";
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteContract } from "@/lib/contracts/contract";
import { urlOf } from "@/lib/contracts/contract";
import { apiFetch } from "./fetcher";

// Calls one of our routes through its contract (lib/contracts): the URL is
// built from the contract's path, the inputs and the answer are typed by it.

type HasParams<C extends RouteContract> = keyof ParamsOf<C> extends never
  ? { params?: undefined }
  : { params: ParamsOf<C> };
type HasQuery<C extends RouteContract> = C extends { query: z.ZodType }
  ? { query?: QueryOf<C> | URLSearchParams }
  : { query?: undefined };
type HasBody<C extends RouteContract> = C extends { body: z.ZodType } ? { body: BodyOf<C> } : { body?: undefined };

// `keepalive` lets a request finish while the tab closes (the composer's last autosave).
export type CallInput<C extends RouteContract> = HasParams<C> &
  HasQuery<C> &
  HasBody<C> & { signal?: AbortSignal; headers?: Record<string, string>; keepalive?: boolean };

export function callApi<C extends RouteContract>(c: C, input: CallInput<C>): Promise<ResponseOf<C>> {
  const i = input as {
    params?: Record<string, string>;
    query?: Record<string, never> | URLSearchParams;
    body?: unknown;
    signal?: AbortSignal;
    headers?: Record<string, string>;
    keepalive?: boolean;
  };
  return apiFetch<ResponseOf<C>>(urlOf(c, i.params ?? {}, i.query), {
    method: c.method,
    ...(i.body !== undefined ? { json: i.body } : {}),
    ...(i.signal ? { signal: i.signal } : {}),
    ...(i.headers ? { headers: i.headers } : {}),
    ...(i.keepalive ? { keepalive: true } : {}),
  });
}

/** The URL of a route, for a link or a download (raw answers such as CSV). */
export const hrefOf = <C extends RouteContract>(c: C, input: Pick<CallInput<C>, "params" | "query">) =>
  urlOf(
    c,
    (input.params as Record<string, string> | undefined) ?? {},
    input.query as Record<string, never> | URLSearchParams | undefined,
  );
