// GET /api/creators/:creatorId/earnings/export – CSV of exactly what the earnings page shows.
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { earningsQuerySchema } from "@/lib/schemas/earnings";
import { earningsCsv } from "@/lib/server/earnings/csv";
import { recordAudit } from "@/lib/server/workspaces/audit";

const query = earningsQuerySchema.and(z.object({ rows: z.enum(["transactions", "buckets"], { error: "rows must be transactions or buckets" }).default("transactions") }));

export const GET = apiRoute({
  access: "creator",
  permission: "earnings:export",
  query,
  handler: async ({ access, user, query }) => {
    const csv = await earningsCsv([access.creator.id], query, query.rows, `@${access.creator.handle}`);
    await recordAudit({ workspaceId: access.workspace.id, creatorId: access.creator.id, actor: user, action: "earnings.export", details: { range: query.range, from: query.from, to: query.to, tz: query.tz, rows: query.rows } });
    const name = `earnings-${access.creator.handle}-${query.range}-${query.tz.replace(/\//g, "_")}.csv`;
    return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
  },
});
