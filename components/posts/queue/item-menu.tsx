"use client";

import { Ban, Pencil, Send } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { LoadedMenuProps } from "@/components/ui/lazy-menu";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import type { QueueItem } from "@/lib/schemas/post-views";
import { formatWhen } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";

// A queued post's "…" menu and the confirmation it asks for, loaded on first use by ./item-actions.tsx.

export type Confirm = "publish" | "cancel";

/** The "…" menu: edit, and the two actions that ask first. */
export function ItemMenu({
  item,
  onConfirm,
  trigger,
  defaultOpen,
}: { item: QueueItem; onConfirm: (c: Confirm) => void } & LoadedMenuProps) {
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
      <MenuContent align="end" sideOffset={4} className="min-w-44">
        <MenuItem asChild>
          <Link href={item.href ?? "#"}>
            <Pencil className="size-4" aria-hidden="true" /> Edit or reschedule
          </Link>
        </MenuItem>
        <MenuItem onSelect={() => onConfirm("publish")}>
          <Send className="size-4" aria-hidden="true" /> Publish now
        </MenuItem>
        <MenuItem danger onSelect={() => onConfirm("cancel")}>
          <Ban className="size-4" aria-hidden="true" /> Cancel post
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

/** Asks before publishing now or cancelling, saying what happens on Fanvue. */
export function ConfirmDialog({
  item,
  confirm,
  busy,
  onClose,
  onRun,
}: {
  item: QueueItem;
  confirm: Confirm | null;
  busy: boolean;
  onClose: () => void;
  onRun: () => void;
}) {
  const viewer = useViewer();
  return (
    <Dialog
      open={confirm !== null}
      onOpenChange={(o) => !o && !busy && onClose()}
      title={confirm === "publish" ? "Publish this post now?" : "Cancel this scheduled post?"}
      testId="confirm-dialog"
    >
      <p className="text-sm text-muted">
        {confirm === "publish"
          ? `“${item.title}” goes out on Fanvue right away instead of ${formatWhen(item.at, viewer)}.`
          : `“${item.title}” will not go out ${formatWhen(item.at, viewer)}. Fanvue has no way to unschedule a post, so Vuedeck moves it far into the future (1 Jan 2099), where it never publishes and keeps its text and media: you can schedule it again, or delete it in Fanvue's app.`}
      </p>
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Keep as is
        </Button>
        <Button
          variant={confirm === "cancel" ? "danger" : "primary"}
          onClick={onRun}
          disabled={busy}
          data-testid="confirm-action"
        >
          {busy ? "Working…" : confirm === "publish" ? "Publish now" : "Cancel post"}
        </Button>
      </div>
    </Dialog>
  );
}
