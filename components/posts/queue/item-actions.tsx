"use client";

import { Ban, MoreHorizontal, Pencil, Send } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import { ApiClientError } from "@/lib/queries/fetcher";
import type { QueueItem } from "@/lib/schemas/post-views";
import { formatWhen } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";

export type Notice = { tone: "info" | "danger"; text: string };
type Actions = { publishNow: (uuid: string) => Promise<unknown>; cancel: (uuid: string) => Promise<unknown> };

const messageOf = (e: unknown) => (e instanceof ApiClientError ? e.message : "Something went wrong. Try again.");

type Confirm = "publish" | "cancel";

/** The "…" menu: edit, and the two actions that ask first. */
function ItemMenu({ item, onConfirm }: { item: QueueItem; onConfirm: (c: Confirm) => void }) {
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Actions for “${item.title}”`} data-testid="queue-item-actions">
          <MoreHorizontal className="size-4" aria-hidden="true" />
        </Button>
      </MenuTrigger>
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
function ConfirmDialog({
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

/** Edit, publish now, cancel: the last two ask first (they act on Fanvue at once). */
export function ItemActions({
  item,
  actions,
  onNotice,
}: {
  item: QueueItem;
  actions: Actions;
  onNotice: (n: Notice) => void;
}) {
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [busy, setBusy] = useState(false);
  if (item.kind !== "post")
    return item.href ? (
      <Link href={item.href} className="text-sm font-medium text-brand-700 hover:underline">
        Open
      </Link>
    ) : null;
  const run = async () => {
    const what = confirm;
    setBusy(true);
    try {
      if (what === "publish") await actions.publishNow(item.id);
      else await actions.cancel(item.id);
      onNotice({
        tone: "info",
        text:
          what === "publish"
            ? `Published “${item.title}”.`
            : `Cancelled “${item.title}”. It is listed under Cancelled, where you can schedule it again.`,
      });
    } catch (e) {
      onNotice({ tone: "danger", text: messageOf(e) });
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };
  return (
    <>
      <ItemMenu item={item} onConfirm={setConfirm} />
      <ConfirmDialog
        item={item}
        confirm={confirm}
        busy={busy}
        onClose={() => setConfirm(null)}
        onRun={() => void run()}
      />
    </>
  );
}
