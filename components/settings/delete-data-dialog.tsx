"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useDeleteData } from "@/lib/queries/data-export";
import { ApiClientError } from "@/lib/queries/fetcher";

export type DeleteTarget = {
  workspaceId: string;
  /** Absent: the whole workspace. */
  creatorId?: string;
  /** What the owner must type: the workspace's name, or the creator's handle. */
  confirmWith: string;
  label: string;
};

/** Deleting stored data, confirmed by typing the workspace's name or the creator's handle. */
export function DeleteDataDialog(p: { target: DeleteTarget; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const inputId = useId();
  const [typed, setTyped] = useState("");
  const del = useDeleteData(p.target.workspaceId);
  const matches = typed.trim().replace(/^@/, "") === p.target.confirmWith;
  const run = () =>
    del.mutate({ creatorId: p.target.creatorId, confirm: typed }, { onSuccess: () => router.refresh() });
  const failure =
    del.error instanceof ApiClientError
      ? del.error.message
      : del.error
        ? "Could not delete. Check your connection and try again."
        : null;
  return (
    <Dialog open onOpenChange={p.onOpenChange} title={`Delete ${p.target.label}'s data?`} testId="delete-data-dialog">
      {del.isSuccess ? (
        <div className="flex flex-col gap-3 text-sm" role="status">
          <p>Deleted {del.data.rows.toLocaleString("en-US")} stored rows. The activity log records the deletion.</p>
          <div className="flex justify-end">
            <Button onClick={() => p.onOpenChange(false)}>Close</Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-3 text-sm">
          <p>
            Vuedeck deletes what it stores for {p.target.label}: the earnings ledger, fans and their history, notes and
            tags, campaigns, automations, posts, tracking links
            {p.target.creatorId ? "" : ", shifts and payouts"} and the activity log. This cannot be undone: export first
            if you may need it.
          </p>
          <p className="text-muted">
            Kept: the team and their accounts, the creators and the Fanvue connection. The next sync fetches again what
            Fanvue still has; notes, tags, payouts and history only Vuedeck knew are gone.
          </p>
          <label htmlFor={inputId} className="font-medium">
            Type <span className="font-mono">{p.target.confirmWith}</span> to confirm
          </label>
          <Input
            id={inputId}
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
            data-testid="delete-data-confirm"
          />
          <DialogActions
            error={failure}
            onCancel={() => p.onOpenChange(false)}
            onSubmit={run}
            disabled={!matches}
            pending={del.isPending}
            pendingLabel="Deleting…"
            submitLabel="Delete data"
            submitTestId="delete-data-run"
            tone="danger"
          />
        </div>
      )}
    </Dialog>
  );
}
