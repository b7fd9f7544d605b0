import "server-only";
import { ZodError } from "zod";
import { isDatabaseDown } from "@/lib/server/db-errors";
import { describeForLog, FanvueError } from "@/lib/server/fanvue/errors";
import { sentences } from "@/lib/utils/sentences";

// The single error model of every /api route:
//   { "error": { "code", "message", "field"?, "retryAfterSec"? } }
// Codes map to statuses here and nowhere else; clients branch on `code`.

export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  fanvue_reauth: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  upstream_error: 502,
  upstream_unavailable: 503,
  unavailable: 503,
} as const;

export type ApiErrorCode = keyof typeof ERROR_STATUS;

/** Branded like FanvueError: `instanceof` holds across duplicate module copies. */
const BRAND = Symbol.for("vuedeck.ApiError");

export class ApiError extends Error {
  readonly [BRAND] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { field?: string; retryAfterSec?: number } = {},
  ) {
    super(message);
  }
}

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; field?: string; retryAfterSec?: number } };

function body(code: ApiErrorCode, message: string, extra: { field?: string; retryAfterSec?: number } = {}) {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (extra.retryAfterSec !== undefined) headers["Retry-After"] = String(Math.ceil(extra.retryAfterSec));
  return Response.json({ error: { code, message, ...extra } } satisfies ApiErrorBody, {
    status: ERROR_STATUS[code],
    headers,
  });
}

/** Whose budget is used up: one member's share (others and sends still go
 * through) or the whole account's. */
function rateLimitText(err: FanvueError) {
  const sec = Math.ceil(err.details.retryAfterSec ?? 30);
  if (err.details.scope === "member") {
    return `You have used your share of this creator's Fanvue requests for this minute; more in about ${sec} s. Your teammates and sends are not affected.`;
  }
  return `Fanvue's rate limit for this account was reached; it refills in about ${sec} s.`;
}

function fromFanvue(err: FanvueError): Response {
  switch (err.kind) {
    case "reauth":
      return body("fanvue_reauth", err.message);
    case "rate_limited":
      return body("rate_limited", rateLimitText(err), { retryAfterSec: err.details.retryAfterSec ?? 30 });
    // Fanvue not answering is said as such, never as a rate limit: a wait
    // for the refill would not help.
    case "network":
      return body("upstream_unavailable", "Fanvue is unreachable right now. Try again in a moment.", {
        retryAfterSec: 10,
      });
    case "timeout":
    case "stalled":
      return body("upstream_unavailable", "Fanvue is slow to answer right now. Try again in a moment.", {
        retryAfterSec: 10,
      });
    case "upstream":
    case "bad_response":
      return body("upstream_error", sentences(err.message, "Try again in a moment."));
    case "not_found":
      return body("not_found", err.message);
    case "unsupported":
      return body("not_found", err.message);
    case "forbidden":
      return body("forbidden", err.message);
    case "conflict":
      return body("conflict", err.message);
    default:
      // validation, version, unauthorized: retrying the same request will not help.
      return body("invalid_input", err.message);
  }
}

export function toErrorResponse(err: unknown, where: string): Response {
  if (err instanceof ApiError) return body(err.code, err.message, err.extra);
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.join(".") || undefined;
    const prefix = field && !issue?.message.startsWith(field) ? `${field}: ` : "";
    return body("invalid_input", issue ? `${prefix}${issue.message}` : "Invalid input", field ? { field } : {});
  }
  if (err instanceof FanvueError) {
    // A rate-limit answer is routine (one line, for an operator wondering why
    // a page said "retry in 20 s"); a revoked connection is shown to the user.
    if (err.kind === "rate_limited")
      console.warn(
        `[api] ${where}: rate limited (${err.details.scope ?? "account"}), retry in ${err.details.retryAfterSec ?? "?"} s`,
      );
    else if (err.kind !== "reauth") console.error(`[api] ${where}: Fanvue ${describeForLog(err)}`);
    return fromFanvue(err);
  }
  // The session lookup (session.ts) or any query found the database down.
  if ((err as { digest?: unknown })?.digest === "VUEDECK_UNAVAILABLE" || isDatabaseDown(err)) {
    console.error(`[api] ${where}: database unavailable`);
    return body("unavailable", "Vuedeck cannot reach its database right now; try again in a moment.", {
      retryAfterSec: 10,
    });
  }
  console.error(`[api] ${where}: unhandled error`, err);
  return body("internal", "Something went wrong on our side. It has been logged.");
}
