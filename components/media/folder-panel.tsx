"use client";

import { Folder, FolderPlus, Images, MoreHorizontal } from "lucide-react";
import { useState } from "react";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import { Skeleton } from "@/components/ui/skeleton";
import { useFolderMutations } from "@/lib/queries/vault-folders";
import type { VaultFolder } from "@/lib/schemas/media";
import { cn } from "@/lib/utils/cn";
import { DeleteFolderDialog, FolderNameDialog } from "./folder-dialogs";
import { formatCount } from "@/lib/utils/format";

type Props = {
  creatorId: string;
  folders: VaultFolder[] | undefined;
  loading: boolean;
  current: string | undefined;
  canWrite: boolean;
  onSelect: (folder: string | undefined) => void;
};

type Open =
  { kind: "create" } | { kind: "rename"; folder: VaultFolder } | { kind: "delete"; folder: VaultFolder } | null;

const item = "flex w-full items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap touch:min-h-11";

type RowProps = {
  folder: VaultFolder;
  current: boolean;
  canWrite: boolean;
  onSelect: () => void;
  onOpen: (o: NonNullable<Open>) => void;
};

/** One folder: its button, and (with vault:write) its Rename/Delete menu. */
function FolderRow({ folder: f, current, canWrite, onSelect, onOpen }: RowProps) {
  return (
    <li className="group relative" data-testid="folder-item">
      <button
        type="button"
        onClick={onSelect}
        aria-current={current ? "true" : undefined}
        className={cn(
          item,
          canWrite && "pr-9 touch:pr-12",
          current ? "bg-brand-50 text-brand-800" : "text-zinc-700 hover:bg-black/5",
        )}
      >
        <Folder className="size-4 shrink-0" aria-hidden="true" />
        <span className="min-w-0 flex-1 truncate text-left">{f.name}</span>
        <span className="tabular text-xs font-normal text-muted" data-testid="folder-count">
          {formatCount(f.mediaCount)}
        </span>
      </button>
      {canWrite ? (
        <Menu>
          <MenuTrigger
            className="absolute top-1/2 right-1 inline-flex -translate-y-1/2 items-center justify-center rounded-md p-1 text-zinc-500 hover:bg-black/10 touch:right-0 touch:size-11"
            aria-label={`Actions for folder ${f.name}`}
          >
            <MoreHorizontal className="size-4" aria-hidden="true" />
          </MenuTrigger>
          <MenuContent align="end" className="min-w-36">
            <MenuItem onSelect={() => onOpen({ kind: "rename", folder: f })}>Rename</MenuItem>
            <MenuItem danger onSelect={() => onOpen({ kind: "delete", folder: f })}>
              Delete
            </MenuItem>
          </MenuContent>
        </Menu>
      ) : null}
    </li>
  );
}

type DialogsProps = {
  creatorId: string;
  open: Open;
  current: string | undefined;
  onClose: () => void;
  onSelect: (folder: string | undefined) => void;
};

/** Whichever of create, rename and delete is open. */
function FolderDialogs({ creatorId, open, current, onClose, onSelect }: DialogsProps) {
  const m = useFolderMutations(creatorId);
  const close = (o: boolean) => !o && onClose();
  if (open?.kind === "create")
    return (
      <FolderNameDialog
        open
        onOpenChange={close}
        title="New folder"
        submitLabel="Create folder"
        onSubmit={(name) => m.create.mutateAsync(name)}
      />
    );
  if (open?.kind === "rename")
    return (
      <FolderNameDialog
        open
        onOpenChange={close}
        title={`Rename “${open.folder.name}”`}
        submitLabel="Rename"
        initial={open.folder.name}
        onSubmit={(to) =>
          m.rename.mutateAsync({ from: open.folder.name, to }).then(() => current === open.folder.name && onSelect(to))
        }
      />
    );
  if (open?.kind === "delete")
    return (
      <DeleteFolderDialog
        open
        onOpenChange={close}
        name={open.folder.name}
        count={open.folder.mediaCount}
        onConfirm={() =>
          m.remove.mutateAsync(open.folder.name).then(() => current === open.folder.name && onSelect(undefined))
        }
      />
    );
  return null;
}

/** Folders with counts: a list beside the grid on wide screens, a row of
 * chips above it on phones. Managing them needs vault:write. */
export function FolderPanel({ creatorId, folders, loading, current, canWrite, onSelect }: Props) {
  const [open, setOpen] = useState<Open>(null);
  return (
    <nav aria-label="Folders" className="flex min-w-0 flex-col gap-2" data-testid="folder-panel">
      <div className="hidden items-center justify-between px-1 lg:flex">
        <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">Folders</h2>
      </div>
      <ul className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 lg:flex-col lg:overflow-visible">
        <li>
          <button
            type="button"
            onClick={() => onSelect(undefined)}
            aria-current={!current ? "true" : undefined}
            className={cn(item, !current ? "bg-brand-50 text-brand-800" : "text-zinc-700 hover:bg-black/5")}
          >
            <Images className="size-4 shrink-0" aria-hidden="true" /> All media
          </button>
        </li>
        {loading ? (
          <li>
            <Skeleton className="h-9 w-32 lg:w-full" />
          </li>
        ) : null}
        {folders?.map((f) => (
          <FolderRow
            key={f.name}
            folder={f}
            current={current === f.name}
            canWrite={canWrite}
            onSelect={() => onSelect(f.name)}
            onOpen={setOpen}
          />
        ))}
        {canWrite ? (
          <li>
            <button
              type="button"
              className={cn(item, "text-brand-700 hover:bg-brand-50")}
              onClick={() => setOpen({ kind: "create" })}
            >
              <FolderPlus className="size-4 shrink-0" aria-hidden="true" /> New folder
            </button>
          </li>
        ) : null}
      </ul>
      <FolderDialogs
        creatorId={creatorId}
        open={open}
        current={current}
        onClose={() => setOpen(null)}
        onSelect={onSelect}
      />
    </nav>
  );
}
