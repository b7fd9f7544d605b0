import "server-only";
import { db } from "@/lib/server/db";
import { defineScheduler } from "@/lib/server/jobs/define";
import { syncAgencyCreators } from "./provision";

/** Agencies gain and lose creators on Fanvue; their list is re-read this often. */
const CREATOR_LIST_MAX_AGE_MS = 60 * 60_000;

export const agencyCreatorLists = defineScheduler("agency-creator-lists", async () => {
  const stale = await db.workspace.findMany({
    where: {
      kind: "agency",
      connection: { status: "active" },
      OR: [{ creatorsSyncedAt: null }, { creatorsSyncedAt: { lt: new Date(Date.now() - CREATOR_LIST_MAX_AGE_MS) } }],
    },
    select: { id: true },
  });
  // One at a time: each is a handful of calls on the agency's own bucket.
  for (const w of stale)
    await syncAgencyCreators(w.id).catch((err: unknown) =>
      console.error(`[jobs] creator list of ${w.id}:`, (err as Error).message),
    );
});
