"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useDeleteTrackingLink } from "@/lib/queries/tracking-links";
import type { TrackingLinkRow } from "@/lib/schemas/tracking-links";

/** Delete, after a confirmation that says what goes and what stays. */
export function DeleteLinkButton({ creatorId, link }: { creatorId: string; link: TrackingLinkRow }) {
  const [open, setOpen] = useState(false);
  const del = useDeleteTrackingLink(creatorId);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="h-7 px-2 text-red-700"
        onClick={() => setOpen(true)}
        aria-label={`Delete ${link.name}`}
        data-testid="link-delete"
      >
        <Trash2 className="size-4" aria-hidden="true" />
      </Button>
      {open ? (
        <Dialog open onOpenChange={setOpen} title={`Delete “${link.name}”?`} testId="link-delete-dialog">
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              del.mutate(link.uuid, { onSuccess: () => setOpen(false) });
            }}
          >
            <p className="text-sm text-muted">
              The link is deleted on Fanvue and stops working wherever you shared it. Its history stays here: the fans
              it brought, the cost you entered and its payback.
            </p>
            <DialogActions
              error={del.error?.message ?? null}
              onCancel={() => setOpen(false)}
              submitLabel="Delete link"
              pending={del.isPending}
              submitTestId="link-delete-confirm"
            />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
