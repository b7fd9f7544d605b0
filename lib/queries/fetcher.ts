// Client-side fetch for our own /api routes: parses the single error model
// into ApiClientError so UI code branches on `code`, never on status text.

export type ApiErrorCode =
  | "invalid_input"
  | "unauthorized"
  | "fanvue_reauth"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "internal"
  | "upstream_error"
  | "upstream_unavailable"
  | "unavailable"
  | "network";

export class ApiClientError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly retryAfterSec?: number,
  ) {
    super(message);
  }

  get isTransient() {
    return ["rate_limited", "upstream_error", "upstream_unavailable", "unavailable", "network", "internal"].includes(
      this.code,
    );
  }
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      ...rest,
      headers: {
        Accept: "application/json",
        ...(json !== undefined ? { "Content-Type": "application/json" } : {}),
        ...rest.headers,
      },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiClientError("network", "You appear to be offline. Check your connection and try again.", 0);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.error;
    throw new ApiClientError(
      e?.code ?? "internal",
      e?.message ?? `Request failed (${res.status})`,
      res.status,
      e?.field,
      e?.retryAfterSec,
    );
  }
  return body as T;
}
