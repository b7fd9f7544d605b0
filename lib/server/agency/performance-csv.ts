import "server-only";
import type { PerformanceQuery } from "@/lib/schemas/performance";
import { csvResponse, ownCell, textCell } from "@/lib/utils/csv";
import { centsToDecimal } from "@/lib/utils/money";
import type { WorkspaceAccess } from "@/lib/server/workspaces/access";
import { getPerformance } from "./performance";

// The leaderboard as CSV: the rows and figures the page shows, in its order,
// money as decimal USD from the same integer cents.

const HEADER = [
  "member",
  "role",
  "gross_usd",
  "net_usd",
  "sales",
  "ppvs_sent",
  "ppvs_unlocked",
  "unlock_rate_pct",
  "messages",
  "fans_answered",
  "first_replies",
  "median_reply_seconds",
  "shift_hours",
  "revenue_per_shift_hour_usd",
  "mass_messages",
];

export async function performanceCsv(access: WorkspaceAccess, userId: string, q: PerformanceQuery): Promise<Response> {
  const p = await getPerformance(access, userId, q);
  const lines = [
    `# Vuedeck chatter performance, ${p.range.from} to ${p.range.to} (${p.range.tz})`,
    HEADER.join(","),
    ...p.members.map((m) =>
      [
        textCell(m.name),
        textCell(m.role ?? ""),
        ownCell(centsToDecimal(m.gross)),
        ownCell(centsToDecimal(m.net)),
        ownCell(m.sales),
        ownCell(m.ppvsSent),
        ownCell(m.ppvsUnlocked),
        ownCell(m.unlockRate === null ? null : (m.unlockRate * 100).toFixed(1)),
        ownCell(m.messages),
        ownCell(m.fansAnswered),
        ownCell(m.replies),
        ownCell(m.medianReplyMs === null ? null : (m.medianReplyMs / 1000).toFixed(1)),
        ownCell((m.shiftMinutes / 60).toFixed(2)),
        ownCell(m.revenuePerHour === null ? null : centsToDecimal(m.revenuePerHour)),
        ownCell(m.massMessages),
      ].join(","),
    ),
  ];
  const name = `performance-${p.range.from}-${p.range.to}-${p.range.tz.replace(/\//g, "_")}.csv`;
  return csvResponse(lines, name);
}
