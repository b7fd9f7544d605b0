import "server-only";

// One typed error for everything that can go wrong talking to Fanvue. Callers
// branch on `kind`; `message` is ours, in plain words, safe to show. What
// Fanvue said (its status and text, which its reference does not specify and
// may change) stays in `details` for the log, never on screen.

export type FanvueErrorKind =
  | "validation" // 400 with errors[] or message
  | "version" // 400/410 API version problems
  | "unauthorized" // 401: token missing/expired (refresh may fix it)
  | "reauth" // refresh failed for good: the user must reconnect
  | "forbidden" // 403: scope or agency boundary
  | "not_found" // 404
  | "conflict" // 409
  | "rate_limited" // 429, or our limiter: the budget (or a member's share of it) is used up
  | "upstream" // 5xx or unexpected status
  | "network" // connection refused/reset
  | "timeout"
  | "stalled" // not sent: held by our limiter behind calls Fanvue has not answered
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
      /** Fanvue's own error text, for the log. */
      upstreamText?: string;
      retryAfterSec?: number;
      /** rate_limited: the account's bucket, or one member's share of it. */
      scope?: "account" | "member";
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
    return (
      this.kind === "upstream" ||
      this.kind === "network" ||
      this.kind === "timeout" ||
      this.kind === "stalled" ||
      this.kind === "rate_limited"
    );
  }
}

const kindByStatus: Record<number, FanvueErrorKind> = {
  400: "validation",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  // Method not allowed / not implemented: this Fanvue does not offer the call.
  405: "unsupported",
  409: "conflict",
  410: "version",
  422: "validation",
  429: "rate_limited",
  501: "unsupported",
};

/** What each kind means to a user; callers that know more say more. */
export const FANVUE_ERROR_TEXT: Record<FanvueErrorKind, string> = {
  validation: "Fanvue did not accept this request.",
  version: "Fanvue no longer supports the API version Vuedeck uses. Update Vuedeck.",
  unauthorized: "Fanvue did not accept Vuedeck's access. Reconnect Fanvue if this keeps happening.",
  reauth: "Fanvue access has ended. Reconnect Fanvue to continue.",
  forbidden: "Fanvue does not allow this for this account.",
  not_found: "Fanvue has no such item: it may have been deleted.",
  conflict: "This clashes with something that already exists on Fanvue.",
  rate_limited: "Fanvue's rate limit for this account was reached.",
  upstream: "Fanvue had a problem answering.",
  network: "Fanvue is unreachable right now.",
  timeout: "Fanvue is slow to answer right now.",
  stalled: "Fanvue is slow to answer right now.",
  bad_response: "Fanvue sent an answer Vuedeck does not understand.",
  unsupported: "Fanvue does not offer this for this account.",
};

/** Reads any of Fanvue's error bodies (§2.3): {error, message}, {errors[]}, {message}. */
export function errorFromResponse(status: number, body: unknown, path: string, retryAfterSec?: number): FanvueError {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(b.errors) ? b.errors.map(String) : undefined;
  const upstreamText =
    (typeof b.message === "string" && b.message) ||
    (typeof b.error === "string" && b.error) ||
    errors?.join("; ") ||
    (typeof body === "string" ? body.slice(0, 200) : undefined);
  let kind = kindByStatus[status] ?? "upstream";
  if (status === 400 && typeof b.error === "string" && /version/i.test(b.error)) kind = "version";
  return new FanvueError(kind, FANVUE_ERROR_TEXT[kind], { status, path, errors, upstreamText, retryAfterSec });
}

/** One log line for a Fanvue refusal: our words for the user, Fanvue's here. */
export function describeForLog(err: FanvueError) {
  const d = err.details;
  return `${err.kind}${d.status ? ` ${d.status}` : ""}${d.path ? ` on ${d.path}` : ""}${d.upstreamText ? `: ${d.upstreamText}` : ""}`;
}
