// GET /api/workspaces/:workspaceId/earnings/export – CSV of all creators in scope, as the all-earnings page shows (streamed; one export per user at a time).
import { z } from "zod";
import { db } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/route";
import { earningsQuerySchema } from "@/lib/schemas/earnings";
import { exportEarnings } from "@/lib/server/earnings/export";
import { scopedCreatorWhere } from "@/lib/server/workspaces/access";
import { recordAudit } from "@/lib/server/workspaces/audit";

const query = earningsQuerySchema.and(z.object({ rows: z.enum(["transactions", "buckets"], { error: "rows must be transactions or buckets" }).default("transactions") }));

export const GET = apiRoute({
  access: "workspace",
  permission: "earnings:export",
  query,
  handler: async ({ access, user, query }) => {
    const creators = await db.creator.findMany({ where: scopedCreatorWhere(access) });
    const handles = new Map(creators.map((c) => [c.id, c.handle]));
    const fileName = `earnings-all-creators-${query.range}-${query.tz.replace(/\//g, "_")}.csv`;
    const label = `${access.workspace.name} (${creators.length} creators)`;
    const audit = () => recordAudit({ workspaceId: access.workspace.id, actor: user, action: "earnings.export", details: { scope: "all creators", range: query.range, tz: query.tz, rows: query.rows } });
    return exportEarnings({ userId: user.id, creatorIds: [...handles.keys()], query, rows: query.rows, label, fileName, creatorHandles: handles, onStart: audit });
  },
});
