import "server-only";
import type { SubscriberTrends } from "@/lib/schemas/subscriber-trends";
import { commentLine, csvResponse, ownCell } from "@/lib/utils/csv";

// The subscriber-trends table as CSV: the same rows and columns as the
// screen (a Fanvue column is empty where the screen shows "—"), its totals,
// and Vuedeck's daily auto-renew record below.

const FANVUE_SAID: Record<SubscriberTrends["fanvue"]["state"], string> = {
  fresh: "Fanvue's counts as fetched",
  stale: "Fanvue's counts from an earlier answer (Fanvue failed)",
  unavailable: "Fanvue's counts unavailable",
};

function fanvueNote(t: SubscriberTrends) {
  const f = t.fanvue;
  if (f.state === "unavailable") return `${FANVUE_SAID.unavailable}: ${f.reason}`;
  return `${FANVUE_SAID[f.state]} at ${f.fetchedAt}${f.state === "stale" ? ` (${f.reason})` : ""}`;
}

export function subscriberTrendsLines(t: SubscriberTrends): string[] {
  const r = t.range;
  const lines = [
    commentLine(`Vuedeck subscriber trends, ${r.from} to ${r.to} (${r.tz}), per ${r.granularity}`),
    commentLine(
      "new_paid, renewed, lapsed, net_paid: from the earnings ledger (distinct fans); fanvue_new, fanvue_cancelled: Fanvue's daily counts per local day; free_trials_and_free_subs = fanvue_new - new_paid, never below 0",
    ),
    commentLine(fanvueNote(t)),
    "bucket,partial,new_paid,renewed,lapsed,net_paid,fanvue_new,fanvue_cancelled,free_trials_and_free_subs",
  ];
  for (const row of t.rows)
    lines.push(
      [
        row.bucket,
        row.partial ? "yes" : "no",
        row.newPaid,
        row.renewed,
        row.lapsed,
        row.netPaid,
        row.fanvueNew,
        row.cancelled,
        row.trials,
      ]
        .map(ownCell)
        .join(","),
    );
  const s = t.totals;
  lines.push(
    ["total", "", s.newPaid, s.renewed, s.lapsed, s.netPaid, s.fanvueNew, s.cancelled, s.trials].map(ownCell).join(","),
  );
  lines.push(
    "",
    commentLine(`Auto-renew off, recorded by Vuedeck once a day (UTC days) since ${t.autoRenew.since ?? "—"}`),
    "day,subscribers,auto_renew_known,auto_renew_off,auto_renew_off_share",
  );
  for (const p of t.autoRenew.points)
    lines.push(
      [p.day, p.subscribers, p.known, p.autoRenewOff, p.share === null ? null : p.share.toFixed(4)]
        .map(ownCell)
        .join(","),
    );
  return lines;
}

export const subscriberTrendsCsv = (t: SubscriberTrends, name: string) =>
  csvResponse(subscriberTrendsLines(t), `subscriber-trends-${name}-${t.range.from}-${t.range.to}.csv`);
