import "server-only";
import { fanvueConfig } from "./config";
import { errorFromResponse, FanvueError } from "./errors";

export type Query = Record<string, string | number | boolean | string[] | null | undefined>;

export type RawRequest = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  query?: Query;
  body?: unknown;
  accessToken: string;
  /** 15 s: Fanvue list calls answer in well under a second; past this the
   * user is better served by a clear "Fanvue is slow" state and a retry. */
  timeoutMs?: number;
  signal?: AbortSignal;
};

export type RawResponse = { status: number; headers: Headers; body: unknown };

export function buildUrl(path: string, query?: Query) {
  const url = new URL(fanvueConfig.apiBaseUrl + path);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
    else url.searchParams.set(k, String(v));
  }
  return url;
}

/** One HTTP call to the Fanvue API. Throws FanvueError for every non-2xx,
 * network failure or timeout; never returns an error body as data. */
export async function sendRaw(req: RawRequest): Promise<RawResponse> {
  const url = buildUrl(req.path, req.query);
  const timeout = AbortSignal.timeout(req.timeoutMs ?? 15_000);
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
    if (timeout.aborted) throw new FanvueError("timeout", `Fanvue did not answer within ${req.timeoutMs ?? 15_000} ms`, { path: req.path, cause: err });
    if (req.signal?.aborted) throw err;
    throw new FanvueError("network", "Fanvue could not be reached", { path: req.path, cause: err });
  }
  const text = await res.text().catch(() => "");
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!res.ok) {
    const retryAfter = Number(res.headers.get("retry-after"));
    throw errorFromResponse(res.status, body, req.path, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined);
  }
  return { status: res.status, headers: res.headers, body };
}
