import "server-only";

// Bench-only (VUEDECK_COUNT_QUERIES=1, off by default and in production):
// counts the SQL statements this server process sends; every /api answer
// carries the running total in a Server-Timing header, so
// `npm run bench -- routes` tells what one page render or API request costs
// by reading the total before and after it (requests one at a time). A total,
// not a per-request count: Prisma emits some statements' events outside the
// caller's async context, so an AsyncLocalStorage count misses them.

// One per process even when Next.js loads this module twice (instrumentation and route bundles).
const g = globalThis as unknown as { vuedeckQueryTotal?: { n: number } };
const total = (g.vuedeckQueryTotal ??= { n: 0 });

/** Called for every statement the database client sends (only while counting). */
export function countQuery() {
  total.n++;
}

/** Statements sent by this process so far. */
export const queriesSoFar = () => total.n;

/** The Server-Timing header value carrying the total. */
export const queryTiming = () => `dbtotal;desc="${total.n} queries"`;
