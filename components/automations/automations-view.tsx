"use client";

import { Pause, Play, Plus, Zap } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useAutomationStatus, useAutomations, useDeleteAutomation } from "@/lib/queries/automations";
import type { AutomationView } from "@/lib/schemas/automations";
import { TRIGGER_LABELS } from "@/lib/schemas/automations-values";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { AutomationForm } from "./automation-form";
import { AutomationLog } from "./automation-log";
import { AutomationPreviewDialog } from "./automation-preview";
import { toHhmm } from "./use-automation-draft";

/** The creator's automations: what fires each, what it did, and pause, edit, log, delete. */
export function AutomationsView({ creatorId }: { creatorId: string }) {
  const q = useAutomations(creatorId);
  const [editing, setEditing] = useState<AutomationView | "new" | null>(null);
  const [log, setLog] = useState<AutomationView | null>(null);
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Automations</h1>
          <p className="mt-1 max-w-2xl text-sm text-muted">
            Messages that go out by themselves when something happens (a new subscriber, a tip), once per fan, and never
            into a chat someone is having. Every firing is in the log, sent or skipped and why.
          </p>
        </div>
        <Button onClick={() => setEditing("new")} data-testid="automation-new">
          <Plus className="size-4" aria-hidden="true" /> New automation
        </Button>
      </header>
      {q.isPending ? <Skeleton className="h-48 rounded-xl" /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} what="the automations" /> : null}
      {q.data && q.data.automations.length === 0 ? (
        <EmptyState icon={<Zap className="size-6" aria-hidden="true" />} title="No automations yet">
          Start with a welcome: a message (or a PPV) every new subscriber gets a few minutes after subscribing.
        </EmptyState>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {q.data?.automations.map((a) => (
          <AutomationCard key={a.id} creatorId={creatorId} a={a} onEdit={() => setEditing(a)} onLog={() => setLog(a)} />
        ))}
      </div>
      <AutomationForm
        creatorId={creatorId}
        initial={editing === "new" ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <AutomationLog creatorId={creatorId} automation={log} onClose={() => setLog(null)} />
    </div>
  );
}

function describe(a: AutomationView) {
  const when =
    a.trigger === "new_subscriber" && a.triggerParams.subscriber !== "any"
      ? `New ${a.triggerParams.subscriber === "paid" ? "paid" : "free-trial"} subscriber`
      : a.trigger === "tip_above"
        ? `Tip of ${formatMoney(a.triggerParams.minCents ?? 0)} or more`
        : a.trigger === "renewal_off"
          ? `Subscription ends within ${a.triggerParams.days} days, auto-renew off`
          : a.trigger === "expired"
            ? `Subscription ended ${a.triggerParams.days} days ago`
            : a.trigger === "unanswered"
              ? `A fan waits over ${a.triggerParams.minutes} min for an answer: alert the team`
              : a.trigger === "quiet_spender"
                ? `Spent ${formatMoney(a.triggerParams.minCents ?? 0)}+, quiet for twice their usual gap`
                : TRIGGER_LABELS[a.trigger];
  const rules = [
    a.price ? `PPV ${formatMoney(a.price)}` : null,
    a.delayMaxSec ? `after ${a.delayMinSec / 60}–${a.delayMaxSec / 60} min` : null,
    a.skipIfWrittenMinutes ? `skips chats written in the last ${a.skipIfWrittenMinutes} min` : null,
    a.quietStartMin !== null ? `quiet ${toHhmm(a.quietStartMin)}–${toHhmm(a.quietEndMin)}` : null,
    a.dailyCap ? `≤ ${a.dailyCap}/day` : null,
    a.holdoutPercent ? `${a.holdoutPercent} % held out` : null,
    a.tag ? `tags “${a.tag}”` : null,
    a.notifyTeam ? "tells the team" : null,
    a.addToListUuid ? "adds to a list" : null,
    a.removeFromListUuid ? "removes from a list" : null,
  ].filter(Boolean);
  return { when, rules: rules.join(" · ") };
}

function AutomationCard(p: { creatorId: string; a: AutomationView; onEdit: () => void; onLog: () => void }) {
  const { a } = p;
  const status = useAutomationStatus(p.creatorId);
  const [deleting, setDeleting] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const d = describe(a);
  const paused = a.status === "paused";
  return (
    <Card className="flex flex-col gap-3 p-5" data-testid={`automation-${a.name}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate font-semibold">{a.name}</h2>
          <p className="text-sm text-muted">{d.when}</p>
        </div>
        <div className="flex shrink-0 gap-1.5">
          {a.dryRun ? <Badge tone="info">Dry run</Badge> : null}
          <Badge tone={paused ? "warning" : "brand"} data-testid="automation-status">
            {paused ? "Paused" : "Active"}
          </Badge>
        </div>
      </div>
      {a.text ? <p className="line-clamp-2 text-sm">{a.text}</p> : null}
      {d.rules ? <p className="text-xs text-muted">{d.rules}</p> : null}
      <dl className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-5" data-testid="automation-stats">
        <Stat label="Sent" value={formatCount(a.stats.sent)} />
        <Stat label="Skipped" value={formatCount(a.stats.skipped)} />
        <Stat label="Waiting" value={formatCount(a.stats.pending)} />
        <Stat label="Purchases" value={formatCount(a.stats.purchases)} />
        <Stat label="Revenue" value={formatMoney(a.stats.revenue)} />
      </dl>
      {a.stats.holdout ? <HoldoutLine h={a.stats.holdout} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => status.mutate({ id: a.id, status: paused ? "active" : "paused" })}
          disabled={status.isPending}
          data-testid="automation-toggle"
        >
          {paused ? <Play className="size-4" aria-hidden="true" /> : <Pause className="size-4" aria-hidden="true" />}
          {paused ? "Resume" : "Pause"}
        </Button>
        <Button size="sm" variant="secondary" onClick={p.onLog} data-testid="automation-log-open">
          Log
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setPreviewing(true)} data-testid="automation-preview-open">
          Preview
        </Button>
        <Button size="sm" variant="ghost" onClick={p.onEdit}>
          Edit
        </Button>
        <Button size="sm" variant="ghost" className="ml-auto text-red-700" onClick={() => setDeleting(true)}>
          Delete
        </Button>
      </div>
      {deleting ? <DeleteDialog creatorId={p.creatorId} a={a} onClose={() => setDeleting(false)} /> : null}
      {previewing ? (
        <AutomationPreviewDialog creatorId={p.creatorId} a={a} onClose={() => setPreviewing(false)} />
      ) : null}
    </Card>
  );
}

/** What sent fans spent against held-out ones, per fan, in the days after firing. */
function HoldoutLine({ h }: { h: NonNullable<AutomationView["stats"]["holdout"]> }) {
  const per = (g: { fans: number; gross: number }) => (g.fans ? formatMoney(Math.round(g.gross / g.fans)) : "—");
  const rate = (g: { fans: number; buyers: number }) => (g.fans ? `${Math.round((g.buyers / g.fans) * 100)} %` : "—");
  return (
    <p className="rounded-lg bg-canvas px-3 py-2 text-xs" data-testid="automation-holdout">
      In the {h.days} days after: fans it was sent to spent {per(h.sent)} each ({rate(h.sent)} bought,{" "}
      {formatCount(h.sent.fans)} fans); held-out fans {per(h.heldOut)} each ({rate(h.heldOut)} bought,{" "}
      {formatCount(h.heldOut.fans)} fans).
    </p>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg bg-canvas px-2.5 py-1.5">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="tabular font-semibold">{value}</dd>
    </div>
  );
}

function DeleteDialog({ creatorId, a, onClose }: { creatorId: string; a: AutomationView; onClose: () => void }) {
  const del = useDeleteAutomation(creatorId);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Delete ${a.name}?`}>
      <form
        className="mt-3 flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          del.mutate(a.id, { onSuccess: onClose });
        }}
      >
        <p className="text-sm text-muted">
          It stops at once; messages it already sent stay in the chats, and waiting ones are not sent.
        </p>
        <DialogActions
          error={del.error?.message ?? null}
          onCancel={onClose}
          submitLabel="Delete"
          pending={del.isPending}
        />
      </form>
    </Dialog>
  );
}
