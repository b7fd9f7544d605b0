import "server-only";
import { db } from "@/lib/server/db";
import { TTL_SEC, notifyUsers } from "./deliver";
import { automationFailureNotice } from "./notices";
import { recipientsFor } from "./recipients";

/** An automation's run failed (its job's outcome): the members who manage automations and want it are told. */
export async function notifyAutomationFailure(runId: string) {
  const run = await db.automationRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "failed") return 0;
  const [a, creator] = await Promise.all([
    db.automation.findUnique({ where: { id: run.automationId }, select: { id: true, name: true } }),
    db.creator.findUnique({ where: { id: run.creatorId }, select: { id: true, displayName: true } }),
  ]);
  if (!a || !creator) return 0;
  const users = await recipientsFor(creator.id, "automation_failure");
  const fan = { uuid: run.fanUuid, handle: run.fanHandle, displayName: run.fanName };
  const payload = automationFailureNotice({ id: creator.id, name: creator.displayName }, a, fan, run.reason);
  return notifyUsers(users, [`automation-run:${run.id}`], payload, TTL_SEC.automation);
}
