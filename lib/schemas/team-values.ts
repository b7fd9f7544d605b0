// The team values client code needs at run time, without zod (./team.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

/** A creator's seat covers exactly one creator: their own account. */
export const CREATOR_SCOPE_MESSAGE = "A creator's seat covers exactly one creator: pick their own account.";
