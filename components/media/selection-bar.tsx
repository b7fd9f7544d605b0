"use client";

import { FolderMinus, FolderPlus, MessageSquare, SquarePen, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { useFolderMutations } from "@/lib/queries/vault-folders";
import type { VaultFolder } from "@/lib/schemas/media";
import { MAX_FOLDER_BATCH } from "@/lib/schemas/media-values";
import { FolderNameDialog } from "./folder-dialogs";

export type Notice = { tone: "ok" | "error"; text: string; title?: string };

type Props = {
  creatorId: string;
  uuids: string[];
  folders: VaultFolder[] | undefined;
  currentFolder: string | undefined;
  can: { write: boolean; post: boolean; message: boolean };
  onUseInPost: () => void;
  onSendInMessage: () => void;
  onClear: () => void;
  onNotice: (n: Notice) => void;
};

const plural = (n: number) => `${n} ${n === 1 ? "item" : "items"}`;

type FolderMenuProps = {
  folders: VaultFolder[] | undefined;
  disabled: boolean;
  title: string | undefined;
  onAdd: (folder: string) => void;
  onNew: () => void;
};

/** "Add to folder": the creator's folders, then a new one. */
function AddToFolderMenu(p: FolderMenuProps) {
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button variant="secondary" size="sm" disabled={p.disabled} title={p.title}>
          <FolderPlus className="size-4" aria-hidden="true" /> Add to folder
        </Button>
      </MenuTrigger>
      <MenuContent side="top" align="end" className="max-h-72">
        {p.folders?.map((f) => (
          <MenuItem key={f.name} onSelect={() => p.onAdd(f.name)}>
            {f.name}
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem className="text-brand-700" onSelect={p.onNew}>
          New folder…
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

/** A new folder holding the selection: created, then filled, or not at all. */
function NewFolderWithItems({
  m,
  uuids,
  onClose,
  onNotice,
}: {
  m: ReturnType<typeof useFolderMutations>;
  uuids: string[];
  onClose: () => void;
  onNotice: (n: Notice) => void;
}) {
  const n = uuids.length;
  return (
    <FolderNameDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`New folder with ${plural(n)}`}
      submitLabel="Create and add"
      onSubmit={async (name) => {
        const f = await m.create.mutateAsync(name);
        try {
          await m.addMedia.mutateAsync({ folder: f.name, uuids });
        } catch (err) {
          // All or nothing: no empty folder left behind by a failed add.
          await m.remove.mutateAsync(f.name).catch(() => undefined);
          throw err;
        }
        onNotice({ tone: "ok", text: `Added ${plural(n)} to the new folder “${f.name}”.` });
      }}
    />
  );
}

/** Adding the selection to a folder, or removing it from one, with a notice either way. */
function useSelectionFolders(p: Pick<Props, "creatorId" | "uuids" | "onClear" | "onNotice">) {
  const m = useFolderMutations(p.creatorId);
  const n = p.uuids.length;
  const fail = (err: unknown) =>
    p.onNotice({
      tone: "error",
      title: "The folder was not changed",
      text: err instanceof Error ? err.message : "Try again in a moment.",
    });

  const addTo = (folder: string) =>
    m.addMedia.mutateAsync({ folder, uuids: p.uuids }).then(
      (r) =>
        p.onNotice({
          tone: "ok",
          text:
            r.addedCount === n
              ? `Added ${plural(n)} to “${folder}”.`
              : `Added ${plural(r.addedCount)} to “${folder}” (${n - r.addedCount} already there).`,
        }),
      fail,
    );
  const removeFrom = (folder: string) =>
    m.removeMedia.mutateAsync({ folder, uuids: p.uuids }).then(() => {
      p.onNotice({ tone: "ok", text: `Removed ${plural(n)} from “${folder}”.` });
      p.onClear();
    }, fail);
  return { m, addTo, removeFrom };
}

/** Actions on the selected media, pinned to the bottom of the screen. */
export function SelectionBar(p: Props) {
  const { m, addTo, removeFrom } = useSelectionFolders(p);
  const [naming, setNaming] = useState(false);
  const n = p.uuids.length;
  const tooMany = n > MAX_FOLDER_BATCH;

  return (
    <div
      className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-surface/95 px-3 py-2 shadow-[0_-4px_16px_rgba(0,0,0,0.06)] backdrop-blur lg:left-[248px]"
      data-testid="selection-bar"
      // It takes the phone's tab bar's place (app-shell.tsx).
      data-replaces-tabs
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={p.onClear}
          className="rounded-md p-1.5 hover:bg-black/5"
          aria-label="Clear selection"
        >
          <X className="size-4" aria-hidden="true" />
        </button>
        <span className="mr-auto text-sm font-medium" data-testid="selection-count">
          {n} selected
        </span>
        {p.can.write ? (
          <AddToFolderMenu
            folders={p.folders}
            disabled={tooMany || m.addMedia.isPending}
            title={tooMany ? `Folders take at most ${MAX_FOLDER_BATCH} items at a time` : undefined}
            onAdd={(folder) => void addTo(folder)}
            onNew={() => setNaming(true)}
          />
        ) : null}
        {p.can.write && p.currentFolder ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={tooMany || m.removeMedia.isPending}
            onClick={() => void removeFrom(p.currentFolder!)}
          >
            <FolderMinus className="size-4" aria-hidden="true" /> Remove from folder
          </Button>
        ) : null}
        {p.can.post ? (
          <Button size="sm" onClick={p.onUseInPost}>
            <SquarePen className="size-4" aria-hidden="true" /> Use in a post
          </Button>
        ) : null}
        {p.can.message ? (
          <Button size="sm" variant="secondary" onClick={p.onSendInMessage}>
            <MessageSquare className="size-4" aria-hidden="true" /> Send in a message
          </Button>
        ) : null}
      </div>
      {naming ? (
        <NewFolderWithItems m={m} uuids={p.uuids} onClose={() => setNaming(false)} onNotice={p.onNotice} />
      ) : null}
    </div>
  );
}
