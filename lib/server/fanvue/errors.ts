import "server-only";

// One typed error for everything that can go wrong talking to Fanvue. Callers
// branch on `kind`; `message` is safe to show (never contains a token).

export type FanvueErrorKind =
  | "validation" // 400 with errors[] or message
  | "version" // 400/410 API version problems
  | "unauthorized" // 401: token missing/expired (refresh may fix it)
  | "reauth" // refresh failed for good: the user must reconnect
  | "forbidden" // 403: scope or agency boundary
  | "not_found" // 404
  | "conflict" // 409
  | "rate_limited" // 429
  | "upstream" // 5xx or unexpected status
  | "network" // connection refused/reset
  | "timeout"
  | "bad_response" // 2xx whose body does not match the contract
  | "unsupported"; // Fanvue has no such route for this mode (e.g. agency)

/** Next.js may load this module more than once per process (instrumentation
 * and route bundles each get a copy), and process-wide singletons such as the
 * rate limiter throw errors made by whichever copy created them. A brand
 * registered globally makes `instanceof` hold across copies. */
const BRAND = Symbol.for("vuedeck.FanvueError");

export class FanvueError extends Error {
  readonly [BRAND] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly kind: FanvueErrorKind,
    message: string,
    readonly details: {
      status?: number;
      path?: string;
      errors?: string[];
      retryAfterSec?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = "FanvueError";
  }

  get status() {
    return this.details.status;
  }

  /** Worth retrying for an idempotent call. */
  get isTransient() {
    return this.kind === "upstream" || this.kind === "network" || this.kind === "timeout" || this.kind === "rate_limited";
  }
}

const kindByStatus: Record<number, FanvueErrorKind> = {
  400: "validation",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  410: "version",
  429: "rate_limited",
};

/** Reads any of Fanvue's error bodies (§2.3): {error, message}, {errors[]}, {message}. */
export function errorFromResponse(status: number, body: unknown, path: string, retryAfterSec?: number): FanvueError {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(b.errors) ? b.errors.map(String) : undefined;
  const text =
    (typeof b.message === "string" && b.message) ||
    (typeof b.error === "string" && b.error) ||
    errors?.join("; ") ||
    `Fanvue answered ${status}`;
  let kind = kindByStatus[status] ?? (status >= 500 ? "upstream" : "upstream");
  if (status === 400 && typeof b.error === "string" && /version/i.test(b.error)) kind = "version";
  return new FanvueError(kind, text, { status, path, errors, retryAfterSec });
}
