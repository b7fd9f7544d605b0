"use client";

import { Folder, FolderPlus, Images, MoreHorizontal } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { Skeleton } from "@/components/ui/skeleton";
import type { VaultFolder } from "@/lib/schemas/media";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "@/lib/utils/format";
import type { Open } from "./folder-menu";

// Managing folders (each folder's menu, the create/rename/delete dialogs) loads on first use:
// browsing the vault does not need it.
const loadMenu = () => import("./folder-menu").then((m) => m.FolderMenu);
const FolderDialogs = dynamic(() => import("./folder-menu").then((m) => m.FolderDialogs), { ssr: false });

type Props = {
  creatorId: string;
  folders: VaultFolder[] | undefined;
  loading: boolean;
  current: string | undefined;
  canWrite: boolean;
  onSelect: (folder: string | undefined) => void;
};

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
        <LazyMenu
          load={loadMenu}
          trigger={
            <button
              type="button"
              className="absolute top-1/2 right-1 inline-flex -translate-y-1/2 items-center justify-center rounded-md p-1 text-zinc-500 hover:bg-black/10 touch:right-0 touch:size-11"
              aria-label={`Actions for folder ${f.name}`}
            >
              <MoreHorizontal className="size-4" aria-hidden="true" />
            </button>
          }
          props={{ folder: f, onOpen }}
        />
      ) : null}
    </li>
  );
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
      {open ? (
        <FolderDialogs
          creatorId={creatorId}
          open={open}
          current={current}
          onClose={() => setOpen(null)}
          onSelect={onSelect}
        />
      ) : null}
    </nav>
  );
}
