"use client";

import { Download, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { dataExportHref } from "@/lib/queries/data-export";
import { DeleteDataDialog, type DeleteTarget } from "./delete-data-dialog";

export type FullExportScope = {
  workspaceId: string;
  workspaceName: string;
  creator: { id: string; handle: string; displayName: string } | null;
};

/** The owner's full export (a streamed zip) and the delete of stored data. */
export function FullExport({ scope }: { scope: FullExportScope }) {
  const [target, setTarget] = useState<DeleteTarget | null>(null);
  const { workspaceId, workspaceName, creator } = scope;
  const workspaceTarget: DeleteTarget = { workspaceId, confirmWith: workspaceName, label: workspaceName };
  return (
    <div className="flex flex-col gap-4" data-testid="full-export">
      <div>
        <h3 className="font-medium">Full export</h3>
        <p className="mt-1 text-muted">
          A zip of everything Vuedeck stores: one JSON Lines file per table (format described in docs/export-schema.md),
          CSVs of the ledger, fans and campaigns, and a manifest with the rows and a checksum of every file. It streams
          as it is written, so your browser shows the download&apos;s progress at once; a large workspace takes a
          minute. Fanvue tokens and sign-in sessions are never in it. Restore it on any Vuedeck with{" "}
          <code className="font-mono">npm run import</code>.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          <Button asChild variant="secondary">
            <a href={dataExportHref(workspaceId)} download data-testid="export-workspace">
              <Download className="size-4" aria-hidden="true" />
              Export workspace
            </a>
          </Button>
          {creator ? (
            <Button asChild variant="secondary">
              <a href={dataExportHref(workspaceId, creator.id)} download data-testid="export-creator">
                <Download className="size-4" aria-hidden="true" />
                Export {creator.displayName}
              </a>
            </Button>
          ) : null}
        </div>
      </div>
      <div>
        <h3 className="font-medium">Delete stored data</h3>
        <p className="mt-1 text-muted">
          Removes what Vuedeck keeps (not your Fanvue account, not the team). You type the name to confirm.
        </p>
        <div className="mt-3 flex flex-wrap gap-2">
          {creator ? (
            <Button
              variant="secondary"
              className="text-red-700"
              onClick={() =>
                setTarget({
                  workspaceId,
                  creatorId: creator.id,
                  confirmWith: creator.handle,
                  label: creator.displayName,
                })
              }
              data-testid="delete-creator-data"
            >
              <Trash2 className="size-4" aria-hidden="true" />
              Delete {creator.displayName}&apos;s data…
            </Button>
          ) : null}
          <Button
            variant="secondary"
            className="text-red-700"
            onClick={() => setTarget(workspaceTarget)}
            data-testid="delete-workspace-data"
          >
            <Trash2 className="size-4" aria-hidden="true" />
            Delete all workspace data…
          </Button>
        </div>
      </div>
      {target ? <DeleteDataDialog target={target} onOpenChange={(open) => !open && setTarget(null)} /> : null}
    </div>
  );
}
