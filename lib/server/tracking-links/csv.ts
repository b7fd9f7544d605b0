import "server-only";
import type { TrackingLinksReport } from "@/lib/schemas/tracking-links";
import { commentLine, csvResponse, ownCell, textCell } from "@/lib/utils/csv";
import { centsToDecimal } from "@/lib/utils/money";
import { roiPercent } from "@/lib/utils/tracking-links";
import { zonedFormatter } from "@/lib/utils/zoned-time";

// The tracking-links table as CSV: one line per row of the table, the same
// figures from the same cents. An empty money cell is a figure that does not
// exist (Fanvue did not report earnings, no cost entered), never a zero.

const HEADER = [
  "creator",
  "name",
  "platform",
  "link_url",
  "created_at",
  "deleted_at",
  "clicks",
  "acquired_followers",
  "acquired_subscribers",
  "fans_mirrored",
  "fanvue_gross_usd",
  "fanvue_net_usd",
  "cost_usd",
  "cost_per_subscriber_usd",
  "cost_per_click_usd",
  "roi_percent",
  "ledger_net_since_created_usd",
  "payback_day",
  "cost_note",
];

const usd = (cents: number | null | undefined) => (cents === null || cents === undefined ? "" : centsToDecimal(cents));

export function trackingLinksLines(r: TrackingLinksReport, scopeName: string): string[] {
  const z = zonedFormatter(r.tz);
  const at = (iso: string | null) => (iso ? z.iso(Date.parse(iso)) : "");
  const lines = [
    commentLine(`Vuedeck tracking links of ${scopeName}, times and payback days in ${r.tz}`),
    commentLine("Clicks, acquired fans and gross/net are Fanvue's (empty: not reported by Fanvue); cost is ours"),
    commentLine(
      "ROI = (Fanvue net - cost) / cost; payback day: first day our ledger's net of the link's fans reached the cost",
    ),
    HEADER.join(","),
  ];
  for (const l of r.links) {
    lines.push(
      [
        textCell(l.creatorName),
        textCell(l.name),
        textCell(l.platform),
        textCell(l.linkUrl),
        ownCell(at(l.createdAt)),
        ownCell(at(l.deletedAt)),
        ownCell(l.clicks),
        ownCell(l.acquiredFollowers),
        ownCell(l.acquiredSubscribers),
        ownCell(l.fans),
        ownCell(usd(l.earnings?.gross)),
        ownCell(usd(l.earnings?.net)),
        ownCell(usd(l.cost?.cents)),
        ownCell(usd(l.costPerSubscriber)),
        ownCell(usd(l.costPerClick)),
        ownCell(l.roi === null ? "" : roiPercent(l.roi).toFixed(1)),
        ownCell(centsToDecimal(l.ledgerNet)),
        ownCell(l.paybackDay ?? (l.cost && l.cost.cents > 0 ? "not yet" : "")),
        textCell(l.cost?.note),
      ].join(","),
    );
  }
  return lines;
}

export const trackingLinksCsv = (r: TrackingLinksReport, scopeName: string, fileName: string) =>
  csvResponse(trackingLinksLines(r, scopeName), `tracking-links-${fileName}.csv`);
