"use client";

import { DataTable, type Column } from "@/components/ui/data-table";
import type { TrackingLinkRow } from "@/lib/schemas/tracking-links";
import { formatCount } from "@/lib/utils/format";
import { CostEditor, CostText } from "./cost-editor";
import { DeleteLinkButton } from "./delete-link";
import { AcquiredCell, LinkCell, PaybackCell, PerCell, RevenueCell, RoiCell } from "./link-cells";

type Props = { links: TrackingLinkRow[]; creatorId: string | null; showCreator: boolean; canWrite: boolean };

/** Wide enough for every figure; narrower screens scroll the table sideways inside its card. */
const MIN_WIDTH = 900;

/** One row per link: Fanvue's figures, the cost (editable), what it bought, ROI and payback. */
export function LinksTable({ links, creatorId, showCreator, canWrite }: Props) {
  const columns: Column<TrackingLinkRow>[] = [
    { id: "link", header: "Link", cell: (l) => <LinkCell l={l} showCreator={showCreator} /> },
    { id: "clicks", header: "Clicks", numeric: true, cell: (l) => formatCount(l.clicks) },
    {
      id: "acquired",
      header: <span title="Fans who followed, and who subscribed, through the link">Acquired</span>,
      numeric: true,
      cell: (l) => <AcquiredCell l={l} />,
    },
    { id: "revenue", header: "Net (gross)", numeric: true, cell: (l) => <RevenueCell l={l} /> },
    {
      id: "cost",
      header: "Cost",
      numeric: true,
      cell: (l) => (canWrite && creatorId ? <CostEditor creatorId={creatorId} link={l} /> : <CostText link={l} />),
    },
    { id: "per", header: "Per sub · click", numeric: true, cell: (l) => <PerCell l={l} /> },
    { id: "roi", header: "ROI", numeric: true, cell: (l) => <RoiCell l={l} /> },
    { id: "payback", header: "Payback", cell: (l) => <PaybackCell l={l} /> },
  ];
  if (canWrite && creatorId)
    columns.push({
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      cell: (l) => (l.deletedAt ? null : <DeleteLinkButton creatorId={creatorId} link={l} />),
    });
  return (
    <DataTable
      columns={columns}
      rows={links}
      rowKey={(l) => `${l.creatorId}:${l.uuid}`}
      caption="Tracking links with clicks, acquired fans, earnings, cost, ROI and payback"
      density="compact"
      minWidth={MIN_WIDTH}
      testId="links-table"
      // The containing block of the header's sr-only label: without it the label sits outside the scroller and widens the page.
      className="relative"
      rowProps={(l) => ({
        "data-testid": "link-row",
        "data-link": l.uuid,
        className: l.deletedAt ? "opacity-70" : undefined,
      })}
    />
  );
}
