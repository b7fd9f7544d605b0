import "server-only";
import { db } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/workspaces/audit";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

// Staff (non-owner) looks at fans' spending are audit-logged as
// "fan.insights.view". One record per person, creator and target per window,
// so browsing a table or re-opening a panel does not flood the activity log.

// 10 min: long enough to fold a browsing session, short enough that the log
// still shows each separate look.
const WINDOW_MS = 10 * 60_000;
export const VIEW_ACTION = "fan.insights.view";

export async function auditFanView(
  access: CreatorAccess,
  user: { id: string; name: string },
  note: { target: string; details?: Record<string, unknown> },
) {
  if (access.membership.role === "owner") return;
  const recent = await db.auditEvent.findFirst({
    where: {
      workspaceId: access.workspace.id,
      creatorId: access.creator.id,
      actorUserId: user.id,
      action: VIEW_ACTION,
      target: note.target,
      createdAt: { gt: new Date(Date.now() - WINDOW_MS) },
    },
    select: { id: true },
  });
  if (recent) return;
  await recordAudit({
    workspaceId: access.workspace.id,
    creatorId: access.creator.id,
    actor: user,
    action: VIEW_ACTION,
    target: note.target,
    details: note.details,
  });
}
