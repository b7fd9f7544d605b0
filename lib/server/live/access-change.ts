import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { invalidateAccess } from "@/lib/server/access-cache";
import { db } from "@/lib/server/db";
import { announceAccessChange } from "./bus";

// Who may see what changed: open event streams (of every server process)
// must re-check now rather than at their next periodic check. Written in the
// same transaction as the change, so a change never lands without its notice.
// The notice carries no verdict: the stream re-reads the truth (session,
// membership, scope) and stops, narrows or carries on.

export type AccessChangeReason = "membership" | "scope" | "creators" | "session" | "user";
export type AccessChangeTarget = { userId?: string | null; workspaceId?: string | null; reason: AccessChangeReason };

/** The row to write inside the change's transaction (array or interactive). */
export const accessChangeRow = (t: AccessChangeTarget, client: Prisma.TransactionClient = db) =>
  client.accessChange.create({
    data: { userId: t.userId ?? null, workspaceId: t.workspaceId ?? null, reason: t.reason },
  });

/** After the commit: this process's streams stop sending at once and
 * re-check; other processes' streams within a bus tick. */
export function accessChanged(t: AccessChangeTarget) {
  // This process's cached sessions and memberships first: its next request reads the truth.
  invalidateAccess(t);
  void announceAccessChange({ userId: t.userId ?? null, workspaceId: t.workspaceId ?? null });
}
