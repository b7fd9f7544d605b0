import "server-only";

// Tells "the database is not answering" apart from every other error, so the
// API says 503 "unavailable, retrying" instead of 500 "something broke" (and
// pages show the same), whichever query hit the outage.

/** Prisma's connection-level codes: can't reach, timed out, closed, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver-adapter kinds for the same (Prisma 7 + @prisma/adapter-pg). */
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
/** PostgreSQL: shutting down, starting up, crash recovery, connection failures. */
const PG_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
/** 55000 is a broad "not in the required state": only its connection refusal
 * (a database closed to connections: maintenance, a restore) is an outage. */
const closedToConnections = (code: unknown, message: unknown) =>
  code === "55000" && typeof message === "string" && /not currently accepting connections/i.test(message);

type Loose = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; originalMessage?: unknown } } };
  cause?: unknown;
};

export function isDatabaseDown(err: unknown): boolean {
  for (
    let e = err as Loose | undefined, depth = 0;
    e && typeof e === "object" && depth < 6;
    e = e.cause as Loose | undefined, depth++
  ) {
    if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || PG_CODES.has(e.code) || NODE_CODES.has(e.code)))
      return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    if (closedToConnections(e.code, e.message)) return true;
    const cause = e.meta?.driverAdapterError?.cause;
    if (
      cause &&
      ((typeof cause.kind === "string" && ADAPTER_KINDS.has(cause.kind)) ||
        (typeof cause.originalCode === "string" && PG_CODES.has(cause.originalCode)) ||
        closedToConnections(cause.originalCode, cause.originalMessage))
    )
      return true;
  }
  return false;
}
