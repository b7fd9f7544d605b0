"use client";

import { AsOf } from "@/components/earnings/as-of";
import { Lock, Users } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StaleNotice } from "@/components/ui/stale-notice";
import { useCampaignMutations, useCampaigns, useLists } from "@/lib/queries/mass-messages";
import type { CampaignView } from "@/lib/schemas/mass-messages";
import { cn } from "@/lib/utils/cn";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { listNames, STATUS } from "./format";
import { useFormat } from "@/components/viewer/viewer";

const money = (c: number | null) => (c === null ? "—" : formatMoney(c));
const count = (c: number | null) => (c === null ? "—" : formatCount(c));

function Actions({ c, creatorId, onResults }: { c: CampaignView; creatorId: string; onResults: () => void }) {
  const m = useCampaignMutations(creatorId);
  if (c.source !== "vuedeck") return null;
  const busy = m.act.isPending || m.cancel.isPending;
  return (
    <div className="flex flex-wrap gap-2">
      {c.status === "sent" || c.status === "scheduled" || c.status === "unsent" ? (
        <Button size="sm" variant="secondary" onClick={onResults} data-testid="campaign-results-button">
          Results
        </Button>
      ) : null}
      {c.status === "queued" || c.status === "preparing" || c.status === "scheduled" ? (
        <Button
          size="sm"
          variant="ghost"
          disabled={busy}
          onClick={() => confirm("Cancel this mass message? It will not be sent.") && m.cancel.mutate(c.id)}
        >
          Cancel
        </Button>
      ) : null}
      {c.status === "sent" ? (
        <Button
          size="sm"
          variant="ghost"
          disabled={busy}
          onClick={() =>
            confirm(
              "Unsend this mass message? Fans who have not bought it will no longer see it; those who bought it keep it.",
            ) && m.act.mutate({ id: c.id, action: "unsend" })
          }
          data-testid="campaign-unsend"
        >
          Unsend
        </Button>
      ) : null}
      {c.status === "unknown" ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={busy}
          onClick={() => m.act.mutate({ id: c.id, action: "check" })}
          data-testid="campaign-check"
        >
          Check Fanvue
        </Button>
      ) : null}
      {c.status === "unknown" || c.status === "failed" ? (
        <Button
          size="sm"
          variant="ghost"
          disabled={busy}
          onClick={() =>
            confirm(
              c.status === "unknown"
                ? "Only if you checked that fans did NOT receive it: send it again?"
                : "Send it again?",
            ) && m.act.mutate({ id: c.id, action: "resend" })
          }
        >
          Send again
        </Button>
      ) : null}
    </div>
  );
}

/** Queue and history: ours and those sent outside Vuedeck, newest first. */
export function CampaignList({
  creatorId,
  highlight,
  onResults,
}: {
  creatorId: string;
  highlight: string | null;
  onResults: (id: string) => void;
}) {
  const q = useCampaigns(creatorId);
  const lists = useLists(creatorId);
  if (q.isPending) return <Skeleton className="h-64 rounded-xl" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} what="mass messages" />;
  const d = q.data;
  return (
    <div className="flex flex-col gap-3" data-testid="campaign-list">
      {d.stale && d.fetchedAt ? (
        <StaleNotice fetchedAt={d.fetchedAt} reauth={false} onRetry={() => void q.refetch()} />
      ) : null}
      {d.fanvueError ? (
        <Alert tone="warning" title="Fanvue could not be reached" data-testid="history-partial">
          Showing Vuedeck&apos;s own records only; recipients and mass messages sent elsewhere appear when Fanvue
          answers again.
        </Alert>
      ) : null}
      <p className="text-xs text-muted">
        Purchases and revenue come from the earnings ledger, <AsOf at={d.ledgerSyncedAt} />
        {d.ledgerSyncedAt ? "" : " (shown as —)"}.
      </p>
      {d.items.length === 0 ? <p className="py-8 text-center text-sm text-muted">No mass messages yet.</p> : null}
      {d.items.map((c) => (
        <CampaignCard
          key={c.id}
          c={c}
          lists={lists.data}
          highlighted={highlight === c.id}
          creatorId={creatorId}
          onResults={() => onResults(c.id)}
        />
      ))}
    </div>
  );
}

type Lists = ReturnType<typeof useLists>["data"];

/** One mass message: status, content, audience and date, its figures, and what can be done with it. */
function CampaignCard({
  c,
  lists,
  highlighted,
  creatorId,
  onResults,
}: {
  c: CampaignView;
  lists: Lists;
  highlighted: boolean;
  creatorId: string;
  onResults: () => void;
}) {
  return (
    <Card
      className={cn("flex flex-col gap-3 p-4 sm:flex-row sm:items-start", highlighted && "ring-2 ring-brand-500")}
      data-testid="campaign"
      data-status={c.status}
      data-id={c.id}
    >
      <CampaignSummary c={c} lists={lists} />
      <CampaignFigures c={c} />
      <Actions c={c} creatorId={creatorId} onResults={onResults} />
    </Card>
  );
}

function CampaignSummary({ c, lists }: { c: CampaignView; lists: Lists }) {
  const f = useFormat();
  const s = STATUS[c.status];
  return (
    <div className="min-w-0 flex-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={s.tone} data-testid="campaign-status">
          {s.label}
        </Badge>
        {c.price !== null ? (
          <Badge tone="warning">
            <Lock className="size-3" aria-hidden="true" /> {formatMoney(c.price)}
          </Badge>
        ) : null}
        {c.holdoutPercent ? <Badge tone="neutral">{c.holdoutPercent} % hold-out</Badge> : null}
        {c.source === "fanvue" ? <Badge tone="neutral">Sent outside Vuedeck</Badge> : null}
      </div>
      <p className="mt-2 line-clamp-2 text-sm">
        {c.text ?? (c.mediaUuids.length ? `${c.mediaUuids.length} media` : "—")}
      </p>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
        <span className="inline-flex items-center gap-1">
          <Users className="size-3.5" aria-hidden="true" /> {listNames(c.included, lists)}
          {c.excluded && c.excluded.smart.length + c.excluded.custom.length ? ` − ${listNames(c.excluded, lists)}` : ""}
        </span>
        <span>
          {c.status === "scheduled"
            ? `Scheduled for ${f.dateTime(c.scheduledAt)}`
            : f.dateTime(c.sentAt ?? c.createdAt)}
        </span>
        {c.createdBy ? <span>by {c.createdBy}</span> : null}
      </p>
      {c.error ? (
        <p className="mt-1 text-xs text-red-700" data-testid="campaign-error">
          {c.error}
        </p>
      ) : null}
    </div>
  );
}

function CampaignFigures({ c }: { c: CampaignView }) {
  return (
    <dl className="grid shrink-0 grid-cols-4 gap-3 text-sm sm:w-96">
      <div>
        <dt className="text-xs text-muted">Recipients</dt>
        <dd className="tabular font-semibold" data-testid="campaign-recipients">
          {count(c.recipients)}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-muted">Views</dt>
        <dd className="tabular font-semibold" data-testid="campaign-views">
          {count(c.views)}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-muted">Purchases</dt>
        <dd className="tabular font-semibold">{count(c.purchases)}</dd>
      </div>
      <div>
        <dt className="text-xs text-muted">Revenue</dt>
        <dd className="tabular font-semibold">{money(c.revenue)}</dd>
      </div>
    </dl>
  );
}
