import "server-only";
import { fanvueConfig } from "./config";
import { errorFromResponse, FanvueError } from "./errors";

export type Query = Record<string, string | number | boolean | string[] | null | undefined>;
export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type RawRequest = {
  method?: Method;
  path: string;
  query?: Query;
  body?: unknown;
  accessToken: string;
  /** 15 s: Fanvue list calls answer in well under a second; past this the
   * user is better served by a clear "Fanvue is slow" state and a retry. */
  timeoutMs?: number;
  signal?: AbortSignal;
};

export type RateInfo = { limit?: number; remaining?: number; resetInMs?: number; retryAfterMs?: number };
export type RawResponse = { status: number; headers: Headers; body: unknown; rate: RateInfo };

export function buildUrl(path: string, query?: Query) {
  const url = new URL(fanvueConfig.apiBaseUrl + path);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
    else url.searchParams.set(k, String(v));
  }
  return url;
}

const num = (h: Headers, name: string) => {
  const v = h.get(name);
  if (v === null || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** X-RateLimit-Reset is an absolute Unix time on the server's clock. When our
 * clock agrees with the server's Date header (to its 1 s resolution), measure
 * against ours (ms precision, so short windows are used fully); otherwise
 * against the Date header, so skew cannot stall or rush the limiter.
 * Bounded to 5 minutes either way. */
export function readRateInfo(h: Headers): RateInfo {
  const reset = num(h, "x-ratelimit-reset");
  const serverNow = Date.parse(h.get("date") ?? "");
  const local = Date.now();
  const base = Number.isFinite(serverNow) && Math.abs(local - serverNow) > 1500 ? serverNow : local;
  const retryAfter = num(h, "retry-after");
  return {
    limit: num(h, "x-ratelimit-limit"),
    remaining: num(h, "x-ratelimit-remaining"),
    resetInMs: reset === undefined ? undefined : Math.min(300_000, Math.max(0, reset * 1000 - base)),
    retryAfterMs: retryAfter === undefined ? undefined : Math.min(300_000, retryAfter * 1000),
  };
}

/** One HTTP exchange with the Fanvue API. Returns every HTTP answer (2xx or
 * not) with its rate-limit headers; throws FanvueError only for network
 * failures and timeouts. */
export async function exchange(req: RawRequest): Promise<RawResponse> {
  const url = buildUrl(req.path, req.query);
  const timeoutMs = req.timeoutMs ?? 15_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, {
      method: req.method ?? "GET",
      headers: {
        Authorization: `Bearer ${req.accessToken}`,
        "X-Fanvue-API-Version": fanvueConfig.apiVersion,
        Accept: "application/json",
        ...(req.body !== undefined ? { "Content-Type": "application/json" } : {}),
      },
      body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
      signal,
      cache: "no-store",
    });
  } catch (err) {
    if (req.signal?.aborted) throw err;
    if (timeout.aborted)
      throw new FanvueError("timeout", `Fanvue did not answer within ${timeoutMs} ms`, { path: req.path, cause: err });
    throw new FanvueError("network", "Fanvue could not be reached", { path: req.path, cause: err });
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw new FanvueError("network", "Fanvue's answer was cut off", { path: req.path, cause: err });
  }
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body, rate: readRateInfo(res.headers) };
}

/** `exchange` that throws FanvueError for every non-2xx answer. */
export async function sendRaw(req: RawRequest): Promise<RawResponse> {
  const res = await exchange(req);
  if (res.status >= 200 && res.status < 300) return res;
  throw errorFromResponse(
    res.status,
    res.body,
    req.path,
    res.rate.retryAfterMs === undefined ? undefined : res.rate.retryAfterMs / 1000,
  );
}
