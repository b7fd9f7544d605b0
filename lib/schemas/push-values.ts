// The push values client code needs at run time, without zod (./push.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

/** Minutes a fan may wait before "unanswered" tells: the scan runs every minute. */
export const UNANSWERED_MINUTES = [5, 10, 15, 30, 60, 120, 240] as const;
