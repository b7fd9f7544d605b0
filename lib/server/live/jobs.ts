import "server-only";
import { db } from "@/lib/server/db";
import { defineScheduler } from "@/lib/server/jobs/define";

/** Access-change notices matter for the second it takes every process to
 * read them; a day keeps them for inspection. */
const ACCESS_CHANGE_RETENTION_MS = 86_400_000;

export const accessChangePrune = defineScheduler("access-change-prune", async () => {
  await db.accessChange.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - ACCESS_CHANGE_RETENTION_MS) } } });
});
