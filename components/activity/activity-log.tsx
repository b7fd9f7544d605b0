"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Field, Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useAudit, useMembers, useWorkspaceCreators } from "@/lib/queries/workspaces";
import type { AuditItem } from "@/lib/schemas/team";
import { ACTION_FILTERS, auditSentence } from "./action-labels";
import { useFormat } from "@/components/viewer/viewer";

type Filters = Record<string, string>;

/** The filters, keyed by query parameter; any change starts again from the first page. */
function useActivityFilters(fixedCreatorId: string | undefined) {
  const [filters, setFilters] = useState<Filters>(fixedCreatorId ? { creatorId: fixedCreatorId } : {});
  const [pages, setPages] = useState<string[]>([""]);
  const set = (k: string, v: string) => {
    setPages([""]);
    setFilters((f) => {
      const next = { ...f };
      if (v) next[k] = v;
      else delete next[k];
      return next;
    });
  };
  return { filters, pages, setPages, set };
}

export function ActivityLog({
  workspaceId,
  canSeeMembers,
  fixedCreatorId,
}: {
  workspaceId: string;
  canSeeMembers: boolean;
  fixedCreatorId?: string;
}) {
  const creators = useWorkspaceCreators(workspaceId).data ?? [];
  const members = useMembers(workspaceId, canSeeMembers).data ?? [];
  const { filters, pages, setPages, set } = useActivityFilters(fixedCreatorId);
  const creatorName = new Map(creators.map((c) => [c.id, c.displayName]));
  return (
    <div className="flex flex-col gap-4">
      <ActivityFilters
        filters={filters}
        set={set}
        // One creator (a solo creator's workspace): nothing to filter by, no "All creators".
        creators={fixedCreatorId || creators.length <= 1 ? null : creators}
        members={canSeeMembers ? members : null}
      />
      <Card className="overflow-hidden">
        <ul className="divide-y divide-line" data-testid="activity">
          {pages.map((before, i) => (
            <AuditPage
              key={before || "first"}
              workspaceId={workspaceId}
              filters={filters}
              before={before}
              creatorName={creatorName}
              isLast={i === pages.length - 1}
              onMore={(next) => setPages((p) => [...p, next])}
            />
          ))}
        </ul>
      </Card>
    </div>
  );
}

/** The three filter selects; a null list hides its select. */
function ActivityFilters({
  filters,
  set,
  creators,
  members,
}: {
  filters: Filters;
  set: (k: string, v: string) => void;
  creators: { id: string; displayName: string }[] | null;
  members: { userId: string; name: string }[] | null;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      {creators ? (
        <Field label="Creator" htmlFor="f-creator">
          <Select id="f-creator" value={filters.creatorId ?? ""} onChange={(e) => set("creatorId", e.target.value)}>
            <option value="">All creators</option>
            {creators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {members ? (
        <Field label="Member" htmlFor="f-member">
          <Select id="f-member" value={filters.actorUserId ?? ""} onChange={(e) => set("actorUserId", e.target.value)}>
            <option value="">Everyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="Kind" htmlFor="f-action">
        <Select id="f-action" value={filters.action ?? ""} onChange={(e) => set("action", e.target.value)}>
          {ACTION_FILTERS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

function AuditPage(props: {
  workspaceId: string;
  filters: Record<string, string>;
  before: string;
  creatorName: Map<string, string>;
  isLast: boolean;
  onMore: (before: string) => void;
}) {
  const q = useAudit(props.workspaceId, props.filters, props.before || undefined);
  if (q.isPending)
    return (
      <li className="p-4">
        <Skeleton className="h-16" />
      </li>
    );
  if (!q.data)
    return (
      <li className="p-4">
        <ErrorState error={q.error} onRetry={() => void q.refetch()} what="the activity log" />
      </li>
    );
  if (q.data.items.length === 0 && !props.before)
    return <li className="p-6 text-sm text-muted">Nothing recorded yet for these filters.</li>;
  return (
    <>
      {q.data.items.map((e) => (
        <Entry key={e.id} e={e} creator={e.creatorId ? props.creatorName.get(e.creatorId) : undefined} />
      ))}
      {props.isLast && q.data.nextBefore ? (
        <li className="p-3 text-center">
          <Button size="sm" variant="secondary" onClick={() => props.onMore(q.data!.nextBefore!)}>
            Load older activity
          </Button>
        </li>
      ) : null}
    </>
  );
}

function Entry({ e, creator }: { e: AuditItem; creator?: string }) {
  const f = useFormat();
  return (
    <li className="flex flex-col gap-0.5 px-5 py-3 text-sm sm:flex-row sm:items-center sm:gap-4">
      <time dateTime={e.at} className="tabular w-40 shrink-0 text-xs text-muted" title={e.at}>
        {f.dateTime(e.at)}
      </time>
      <p className="min-w-0 flex-1">
        <span className="font-medium">{e.actorName}</span> {auditSentence(e.action, e.details)}
        {creator ? <span className="text-muted"> · {creator}</span> : null}
      </p>
    </li>
  );
}
