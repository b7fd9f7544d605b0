"use client";

import { Folder, FolderPlus, Images, MoreHorizontal } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
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

type Open = { kind: "create" } | { kind: "rename"; folder: VaultFolder } | { kind: "delete"; folder: VaultFolder } | null;

const item = "flex w-full items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap";

/** Folders with counts: a list beside the grid on wide screens, a row of
 * chips above it on phones. Managing them needs vault:write. */
export function FolderPanel({ creatorId, folders, loading, current, canWrite, onSelect }: Props) {
  const m = useFolderMutations(creatorId);
  const [open, setOpen] = useState<Open>(null);
  const close = (o: boolean) => !o && setOpen(null);
  return (
    <nav aria-label="Folders" className="flex min-w-0 flex-col gap-2" data-testid="folder-panel">
      <div className="hidden items-center justify-between px-1 lg:flex">
        <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">Folders</h2>
      </div>
      <ul className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1 lg:flex-col lg:overflow-visible">
        <li>
          <button type="button" onClick={() => onSelect(undefined)} aria-current={!current ? "true" : undefined} className={cn(item, !current ? "bg-brand-50 text-brand-800" : "text-zinc-700 hover:bg-black/5")}>
            <Images className="size-4 shrink-0" aria-hidden="true" /> All media
          </button>
        </li>
        {loading ? <li><Skeleton className="h-9 w-32 lg:w-full" /></li> : null}
        {folders?.map((f) => (
          <li key={f.name} className="group relative" data-testid="folder-item">
            <button
              type="button"
              onClick={() => onSelect(f.name)}
              aria-current={current === f.name ? "true" : undefined}
              className={cn(item, canWrite && "pr-9", current === f.name ? "bg-brand-50 text-brand-800" : "text-zinc-700 hover:bg-black/5")}
            >
              <Folder className="size-4 shrink-0" aria-hidden="true" />
              <span className="min-w-0 flex-1 truncate text-left">{f.name}</span>
              <span className="tabular text-xs font-normal text-muted" data-testid="folder-count">
                {formatCount(f.mediaCount)}
              </span>
            </button>
            {canWrite ? (
              <DropdownMenu.Root>
                <DropdownMenu.Trigger className="absolute top-1/2 right-1 -translate-y-1/2 rounded-md p-1 text-zinc-500 hover:bg-black/10" aria-label={`Actions for folder ${f.name}`}>
                  <MoreHorizontal className="size-4" aria-hidden="true" />
                </DropdownMenu.Trigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.Content align="end" className="z-50 min-w-36 rounded-lg border border-line bg-surface p-1 shadow-lg">
                    <DropdownMenu.Item className="cursor-pointer rounded-md px-3 py-2 text-sm outline-none data-highlighted:bg-black/5" onSelect={() => setOpen({ kind: "rename", folder: f })}>
                      Rename
                    </DropdownMenu.Item>
                    <DropdownMenu.Item className="cursor-pointer rounded-md px-3 py-2 text-sm text-red-700 outline-none data-highlighted:bg-red-50" onSelect={() => setOpen({ kind: "delete", folder: f })}>
                      Delete
                    </DropdownMenu.Item>
                  </DropdownMenu.Content>
                </DropdownMenu.Portal>
              </DropdownMenu.Root>
            ) : null}
          </li>
        ))}
        {canWrite ? (
          <li>
            <button type="button" className={cn(item, "text-brand-700 hover:bg-brand-50")} onClick={() => setOpen({ kind: "create" })}>
              <FolderPlus className="size-4 shrink-0" aria-hidden="true" /> New folder
            </button>
          </li>
        ) : null}
      </ul>
      {open?.kind === "create" ? (
        <FolderNameDialog open onOpenChange={close} title="New folder" submitLabel="Create folder" onSubmit={(name) => m.create.mutateAsync(name)} />
      ) : null}
      {open?.kind === "rename" ? (
        <FolderNameDialog
          open
          onOpenChange={close}
          title={`Rename “${open.folder.name}”`}
          submitLabel="Rename"
          initial={open.folder.name}
          onSubmit={(to) => m.rename.mutateAsync({ from: open.folder.name, to }).then(() => current === open.folder.name && onSelect(to))}
        />
      ) : null}
      {open?.kind === "delete" ? (
        <DeleteFolderDialog
          open
          onOpenChange={close}
          name={open.folder.name}
          count={open.folder.mediaCount}
          onConfirm={() => m.remove.mutateAsync(open.folder.name).then(() => current === open.folder.name && onSelect(undefined))}
        />
      ) : null}
    </nav>
  );
}
