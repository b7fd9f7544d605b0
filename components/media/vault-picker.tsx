"use client";

import { X } from "lucide-react";
import { useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/command";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { useVaultFolders } from "@/lib/queries/media";
import { emptySelection, type Selection } from "./selection";
import { useLocalVaultParams, type VaultParams } from "./use-vault-params";
import { VaultView } from "./vault-view";

export type VaultPickerProps = {
  creatorId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The chosen media uuids, in the order they were picked. */
  onSelect: (uuids: string[]) => void;
  title?: string;
  confirmLabel?: string;
  /** Most items that may be picked (e.g. a post's media limit). */
  max?: number;
  /** Starting filters, e.g. `{ fan, fanView: "bought" }` from a chat. */
  initial?: VaultParams;
  fanLabel?: string;
};

/** A dialog to choose media from the vault, with the vault page's grid,
 * filters, search and preview. Used by the post composer and chats:
 *
 *   <VaultPicker creatorId={id} open={open} onOpenChange={setOpen} onSelect={(uuids) => attach(uuids)} />
 */
export function VaultPicker(p: VaultPickerProps) {
  return (
    <Dialog
      open={p.open}
      onOpenChange={p.onOpenChange}
      title={p.title ?? "Choose from the vault"}
      hideTitle
      size="lg"
      testId="vault-picker"
      // Typing a name is the quickest way to a file: the search box takes focus, not the close button.
      onOpenAutoFocus={(e) => {
        const search = (e.currentTarget as HTMLElement | null)?.querySelector<HTMLInputElement>('input[type="search"]');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      }}
      className="h-dvh max-h-none w-full max-w-none overflow-hidden rounded-none bg-canvas p-0 sm:h-[calc(100dvh-3rem)] sm:w-[calc(100vw-3rem)] sm:max-w-6xl sm:rounded-xl sm:shadow-2xl"
      bodyClassName="flex min-h-0 flex-1 flex-col"
    >
      {/* Mounted only while open: every opening starts fresh. */}
      {p.open ? <PickerBody {...p} /> : null}
    </Dialog>
  );
}

/** By keyboard: ↓ from the search box goes to the media, Ctrl/⌘+Enter attaches from anywhere. */
function pickerKeys(scroller: RefObject<HTMLElement | null>, canConfirm: boolean, confirm: () => void) {
  return (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (canConfirm) confirm();
    } else if (e.key === "ArrowDown" && target instanceof HTMLInputElement && target.type === "search") {
      const tile = scroller.current?.querySelector<HTMLElement>('[data-tile-button][tabindex="0"]');
      if (tile) {
        e.preventDefault();
        tile.focus();
      }
    }
  };
}

function PickerBody(p: VaultPickerProps) {
  const api = useLocalVaultParams(p.initial);
  const folders = useVaultFolders(p.creatorId);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const scroller = useRef<HTMLDivElement>(null);
  const n = selection.uuids.length;
  const over = p.max !== undefined && n > p.max;
  const confirm = () => {
    p.onSelect(selection.uuids);
    p.onOpenChange(false);
  };
  return (
    <div className="contents" onKeyDown={pickerKeys(scroller, n > 0 && !over, confirm)}>
      <div className="flex items-center gap-3 border-b border-line bg-surface px-4 py-3 sm:rounded-t-xl">
        {/* The dialog's (screen-reader) title says the same. */}
        <p className="flex-1 text-lg font-semibold" aria-hidden="true">
          {p.title ?? "Choose from the vault"}
        </p>
        <DialogClose className="rounded-md p-1.5 hover:bg-black/5" aria-label="Close">
          <X className="size-5" aria-hidden="true" />
        </DialogClose>
      </div>
      <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto p-4">
        <VaultView
          creatorId={p.creatorId}
          api={api}
          selection={selection}
          onSelection={setSelection}
          folders={folders.data}
          mode="picker"
          fanLabel={p.fanLabel}
          scrollRoot={scroller}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3 border-t border-line bg-surface px-4 py-3 sm:rounded-b-xl">
        <span className="mr-auto text-sm" role="status">
          {n} selected{over ? ` · at most ${p.max}` : ""}
        </span>
        <span className="hidden text-xs text-muted lg:inline" data-testid="picker-keys">
          <Kbd>↓</Kbd> to the media · <Kbd>Space</Kbd> select · <Kbd>Ctrl Enter</Kbd> {p.confirmLabel ?? "Attach"}
        </span>
        <Button variant="secondary" onClick={() => p.onOpenChange(false)}>
          Cancel
        </Button>
        <Button
          disabled={n === 0 || over}
          onClick={confirm}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          data-testid="picker-confirm"
        >
          {p.confirmLabel ?? "Attach"} {n ? `(${n})` : ""}
        </Button>
      </div>
    </div>
  );
}
