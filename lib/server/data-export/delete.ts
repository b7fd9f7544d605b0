import "server-only";
import { delegateOf, type DataClient } from "./client";
import { DELETE_ALSO, KEPT_BY_DELETE, tablesFor, type ResolvedScope } from "./tables";

// Deletes what Vuedeck stores for a creator or a whole workspace: the ledger,
// fans, notes, tags, campaigns, automations, posts, tracking links, the
// activity log (and for a workspace: shifts and pay), plus the caches of
// Fanvue's data (fetched again on the next sync). Kept: the workspace, its
// creators, the team and their user accounts, and the Fanvue connection, so
// the owner can still sign in and start again. One transaction: all or nothing.
// The route's audit record ("data.delete") is written after this commits, so
// it is the one activity entry that survives.

export type DeleteResult = { rows: number; tables: Record<string, number> };

/** Deleting 100,000 ledger rows and their rollups takes seconds; Prisma's 5 s default is too short. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

export async function deleteScopeData(client: DataClient, scope: ResolvedScope): Promise<DeleteResult> {
  const specs = tablesFor(scope)
    .filter((t) => !KEPT_BY_DELETE.has(t.model))
    .reverse();
  const tables: Record<string, number> = {};
  await client.$transaction(
    async (tx) => {
      for (const t of specs)
        tables[t.model] = (await delegateOf(tx, t.delegate).deleteMany({ where: t.where(scope) })).count;
      for (const d of DELETE_ALSO)
        tables[d] = (await delegateOf(tx, d).deleteMany({ where: { creatorId: { in: scope.creatorIds } } })).count;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  return { rows: Object.values(tables).reduce((a, b) => a + b, 0), tables };
}
