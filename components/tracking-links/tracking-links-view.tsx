"use client";

import { AsOf } from "@/components/earnings/as-of";
import { Link2 } from "lucide-react";
import { CsvButton } from "@/components/earnings/csv-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useViewer } from "@/components/viewer/viewer";
import type { GrowthScope } from "@/lib/queries/growth";
import { trackingLinksCsvHref, useSyncTrackingLinks, useTrackingLinks } from "@/lib/queries/tracking-links";
import type { TrackingLinksReport } from "@/lib/schemas/tracking-links";
import { CreateLinkForm } from "./create-link-form";
import { LinksTable } from "./links-table";
import { SyncBar } from "./sync-bar";

export type LinksPermissions = { canWrite: boolean; canExport: boolean };

/** Tracking links: Fanvue's clicks, sign-ups and earnings per link, the promo cost entered here, what it
 * bought and when our ledger says it paid back. One creator's, or every creator's of a workspace. */
export function TrackingLinksView({ scope, can }: { scope: GrowthScope; can: LinksPermissions }) {
  const tz = useViewer().zone;
  const query = { tz };
  const q = useTrackingLinks(scope, query);
  const creatorId = scope.kind === "creator" ? scope.id : null;
  return (
    <div className="flex flex-col gap-5" data-testid="tracking-links">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {scope.kind === "workspace" ? "All tracking links" : "Tracking links"}
          </h1>
          <p className="mt-1 max-w-2xl text-sm text-muted">
            Links you share on social platforms{scope.kind === "workspace" ? ", across all your creators" : ""}: clicks,
            fans and earnings as Fanvue counts them, what each promotion cost you, and the day your ledger says it paid
            back (in {tz}).
          </p>
        </div>
        {can.canExport ? <CsvButton href={trackingLinksCsvHref(scope, query)} testId="links-csv" /> : null}
      </header>
      {creatorId && can.canWrite ? <CreateLinkForm creatorId={creatorId} /> : null}
      {q.isPending ? (
        <Skeleton className="h-72 rounded-xl" />
      ) : !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} what="the tracking links" />
      ) : (
        <Loaded scope={scope} report={q.data} canWrite={can.canWrite} />
      )}
    </div>
  );
}

function Loaded({ scope, report, canWrite }: { scope: GrowthScope; report: TrackingLinksReport; canWrite: boolean }) {
  const creatorId = scope.kind === "creator" ? scope.id : null;
  return (
    <>
      {creatorId ? <CreatorSync creatorId={creatorId} report={report} /> : <SyncBar sync={report.sync} />}
      {report.links.length === 0 ? (
        <Empty syncing={report.sync.state === "running"} />
      ) : (
        <Card className="overflow-hidden">
          <LinksTable
            links={report.links}
            creatorId={creatorId}
            showCreator={scope.kind === "workspace"}
            canWrite={canWrite && creatorId !== null}
          />
        </Card>
      )}
      <p className="text-xs text-muted">
        Clicks, acquired fans and earnings come from Fanvue. Cost is what you enter. ROI = (Fanvue&apos;s net − cost) ÷
        cost. Payback counts the net of the link&apos;s fans in your earnings ledger from the link&apos;s creation on
        {" (ledger "}
        <AsOf at={report.ledgerSyncedAt} />
        ).
      </p>
    </>
  );
}

function CreatorSync({ creatorId, report }: { creatorId: string; report: TrackingLinksReport }) {
  const sync = useSyncTrackingLinks(creatorId);
  return <SyncBar sync={report.sync} onSyncNow={() => sync.mutate()} syncing={sync.isPending} />;
}

function Empty({ syncing }: { syncing: boolean }) {
  return (
    <EmptyState
      icon={<Link2 className="size-6" aria-hidden="true" />}
      title={syncing ? "Reading your tracking links from Fanvue…" : "No tracking links yet"}
      testId="links-empty"
    >
      {syncing
        ? "They appear here as soon as the first sync is done."
        : "Create one per place you promote (your Instagram bio, a Reddit post) to see which brings paying fans."}
    </EmptyState>
  );
}
