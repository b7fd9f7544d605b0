import "server-only";
import type { PeriodQuery, Statement } from "@/lib/schemas/payouts";
import { commentLine, csvResponse, ownCell, textCell } from "@/lib/utils/csv";
import { centsToDecimal } from "@/lib/utils/money";
import { formatRate, ruleLabel, SHIFT_END_LABELS } from "@/lib/utils/payouts";
import { zonedFormatter } from "@/lib/utils/zoned-time";
import type { WorkspaceAccess } from "@/lib/server/workspaces/access";
import { getStatement } from "./statement";

// The statement as CSV: the lines and totals the page shows, in its order,
// money as decimal USD from the same integer cents, times in the period's zone.

const HEADER = ["line", "started_at", "ended_at", "creator", "what", "gross_usd", "net_usd", "minutes"];

export function statementLines(s: Statement): string[] {
  const z = zonedFormatter(s.period.tz);
  const t = s.totals;
  const row = (cells: (string | number | null)[]) => cells.map((c) => ownCell(c)).join(",");
  return [
    commentLine(`Vuedeck payout statement, ${s.member.name}, ${s.period.from} to ${s.period.to} (${s.period.tz})`),
    commentLine(s.paid ? `Paid ${s.paid.at} by ${s.paid.by}` : "Not paid yet"),
    HEADER.join(","),
    ...s.sales.map((x) =>
      [
        "sale",
        z.iso(Date.parse(x.occurredAt)),
        "",
        textCell(x.creator),
        textCell(`${ruleLabel(x.rule)} (${x.source})`),
        centsToDecimal(x.gross),
        centsToDecimal(x.net),
        "",
      ].join(","),
    ),
    ...s.shifts.map((x) =>
      row([
        "shift",
        z.iso(Date.parse(x.startedAt)),
        z.iso(Date.parse(x.endedAt)),
        "",
        SHIFT_END_LABELS[x.endReason] ?? x.endReason,
        null,
        null,
        x.minutes,
      ]),
    ),
    "",
    "total,value",
    row(["sales", t.sales]),
    row(["gross_usd", centsToDecimal(t.gross)]),
    row(["net_usd", centsToDecimal(t.net)]),
    row(["commission_rate", formatRate(s.rule.rateBps)]),
    row(["commission_usd", centsToDecimal(t.commission)]),
    row(["minutes", t.minutes]),
    row(["hourly_rate_usd", s.rule.hourlyCents === null ? null : centsToDecimal(s.rule.hourlyCents)]),
    row(["hourly_pay_usd", centsToDecimal(t.hourlyPay)]),
    row(["total_usd", centsToDecimal(t.total)]),
  ];
}

export async function statementCsv(access: WorkspaceAccess, viewerId: string, memberId: string, q: PeriodQuery) {
  const s = await getStatement(access, viewerId, memberId, q);
  const safe = s.member.name.replace(/[^\w-]+/g, "_");
  const name = `statement-${safe}-${s.period.from}-${s.period.to}.csv`;
  return csvResponse(statementLines(s), name);
}
