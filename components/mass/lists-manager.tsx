"use client";

import { ChevronDown, ChevronRight, Pencil, Trash2, X } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useListMembers, useListMutations, useLists, type CustomListView } from "@/lib/queries/mass-messages";
import { formatCount } from "@/lib/utils/format";

function Members({ creatorId, uuid, canEdit }: { creatorId: string; uuid: string; canEdit: boolean }) {
  const [page, setPage] = useState(1);
  const q = useListMembers(creatorId, uuid, page);
  const m = useListMutations(creatorId);
  if (q.isPending) return <Skeleton className="h-16" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} what="members" />;
  return (
    <div className="flex flex-col gap-1 pt-2" data-testid="list-members">
      {q.data.items.length === 0 ? (
        <p className="text-sm text-muted">Nobody in this list yet. Add fans from a chat (Lists menu).</p>
      ) : null}
      {q.data.items.map((f) => (
        <div key={f.uuid} className="flex items-center gap-2 text-sm">
          <span className="flex-1 truncate">
            {f.displayName ?? "—"} <span className="text-muted">@{f.handle}</span>
          </span>
          {canEdit ? (
            <button
              type="button"
              className="rounded p-1 text-muted hover:bg-black/5"
              aria-label={`Remove ${f.handle}`}
              onClick={() => m.removeFan.mutate({ uuid, fanUuid: f.uuid })}
            >
              <X className="size-4" aria-hidden="true" />
            </button>
          ) : null}
        </div>
      ))}
      {page > 1 || q.data.hasMore ? (
        <div className="flex gap-2 pt-1">
          <Button size="sm" variant="ghost" disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <Button size="sm" variant="ghost" disabled={!q.data.hasMore} onClick={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function ListRow({ creatorId, l, canEdit }: { creatorId: string; l: CustomListView; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const m = useListMutations(creatorId);
  const err = m.rename.error ?? m.remove.error;
  return (
    <li className="py-2.5" data-testid="custom-list" data-name={l.name}>
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          className="rounded p-0.5 hover:bg-black/5"
          aria-label={open ? "Hide members" : "Show members"}
          aria-expanded={open}
        >
          {open ? (
            <ChevronDown className="size-4" aria-hidden="true" />
          ) : (
            <ChevronRight className="size-4" aria-hidden="true" />
          )}
        </button>
        {name === null ? (
          <span className="flex-1 truncate text-sm font-medium">{l.name}</span>
        ) : (
          <form
            className="flex flex-1 gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              m.rename.mutate({ uuid: l.uuid, name }, { onSuccess: () => setName(null) });
            }}
          >
            <Input
              size="sm"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              autoFocus
              aria-label="List name"
              className="min-w-0 flex-1"
            />
            <Button size="sm" type="submit" disabled={m.rename.isPending}>
              Save
            </Button>
            <Button size="sm" variant="ghost" type="button" onClick={() => setName(null)}>
              Cancel
            </Button>
          </form>
        )}
        <span className="tabular text-xs text-muted">{formatCount(l.membersCount)} fans</span>
        {canEdit && name === null ? (
          <>
            <button
              type="button"
              className="rounded p-1 text-muted hover:bg-black/5"
              aria-label={`Rename ${l.name}`}
              onClick={() => setName(l.name)}
            >
              <Pencil className="size-4" aria-hidden="true" />
            </button>
            <button
              type="button"
              className="rounded p-1 text-muted hover:bg-red-50 hover:text-red-700"
              aria-label={`Delete ${l.name}`}
              onClick={() =>
                confirm(`Delete the list “${l.name}”? Fans stay; only the list goes.`) && m.remove.mutate(l.uuid)
              }
            >
              <Trash2 className="size-4" aria-hidden="true" />
            </button>
          </>
        ) : null}
      </div>
      {err ? <p className="pt-1 text-xs text-red-700">{err.message}</p> : null}
      {open ? <Members creatorId={creatorId} uuid={l.uuid} canEdit={canEdit} /> : null}
    </li>
  );
}

/** Custom lists (create, rename, delete, members) and smart lists with sizes. */
export function ListsManager({ creatorId, canWrite }: { creatorId: string; canWrite: boolean }) {
  const q = useLists(creatorId);
  const m = useListMutations(creatorId);
  const [name, setName] = useState("");
  if (q.isPending) return <Skeleton className="h-64 rounded-xl" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} what="lists" />;
  const canEdit = canWrite && q.data.canEdit;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <Card className="p-5">
        <h2 className="text-sm font-semibold">Custom lists</h2>
        {q.data.missing.custom ? (
          <Alert tone="info" title="Custom lists unavailable" className="mt-3" data-testid="custom-lists-missing">
            {q.data.missing.custom}
          </Alert>
        ) : !q.data.canEdit ? (
          <Alert tone="info" title="Read-only for agencies" className="mt-3">
            Fanvue lets agencies read a creator&apos;s lists but not change them.
          </Alert>
        ) : null}
        {canEdit ? (
          <form
            className="mt-3 flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) m.create.mutate(name.trim(), { onSuccess: () => setName("") });
            }}
          >
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={100}
              placeholder="New list name"
              aria-label="New list name"
              className="min-w-0 flex-1"
              data-testid="new-list-name"
            />
            <Button type="submit" disabled={!name.trim() || m.create.isPending} data-testid="create-list">
              Create list
            </Button>
          </form>
        ) : null}
        {m.create.isError ? <p className="pt-2 text-sm text-red-700">{m.create.error.message}</p> : null}
        <ul className="mt-2 divide-y divide-line">
          {q.data.custom.map((l) => (
            <ListRow key={l.uuid} creatorId={creatorId} l={l} canEdit={canEdit} />
          ))}
        </ul>
      </Card>
      <Card className="p-5">
        <h2 className="text-sm font-semibold">Smart lists</h2>
        <p className="mt-1 text-xs text-muted">{q.data.missing.smart ?? "Kept up to date by Fanvue."}</p>
        <ul className="mt-3 flex flex-col gap-1.5 text-sm">
          {q.data.smart.map((l) => (
            <li key={l.id} className="flex justify-between gap-2">
              <span>{l.name}</span>
              <span className="tabular text-muted">{formatCount(l.count)}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
