// GET /api/creators/:creatorId/earnings/export – CSV of exactly what the earnings page shows (streamed; one export per user at a time).
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { earningsQuerySchema } from "@/lib/schemas/earnings";
import { exportEarnings } from "@/lib/server/earnings/export";
import { recordAudit } from "@/lib/server/workspaces/audit";

const query = earningsQuerySchema.and(z.object({ rows: z.enum(["transactions", "buckets"], { error: "rows must be transactions or buckets" }).default("transactions") }));

export const GET = apiRoute({
  access: "creator",
  permission: "earnings:export",
  query,
  handler: async ({ access, user, query }) => {
    const fileName = `earnings-${access.creator.handle}-${query.range}-${query.tz.replace(/\//g, "_")}.csv`;
    const audit = () => recordAudit({ workspaceId: access.workspace.id, creatorId: access.creator.id, actor: user, action: "earnings.export", details: { range: query.range, from: query.from, to: query.to, tz: query.tz, rows: query.rows } });
    return exportEarnings({ userId: user.id, creatorIds: [access.creator.id], query, rows: query.rows, label: `@${access.creator.handle}`, fileName, onStart: audit });
  },
});
