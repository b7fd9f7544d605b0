"use client";

import type { LoadedMenuProps } from "@/components/ui/lazy-menu";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import { useFolderMutations } from "@/lib/queries/vault-folders";
import type { VaultFolder } from "@/lib/schemas/media";
import { DeleteFolderDialog, FolderNameDialog } from "./folder-dialogs";

// Managing folders, loaded on first use by ./folder-panel.tsx: a folder's Rename/Delete menu and
// the create/rename/delete dialogs.

export type Open =
  { kind: "create" } | { kind: "rename"; folder: VaultFolder } | { kind: "delete"; folder: VaultFolder } | null;

/** A folder's menu (Radix), around the trigger the panel drew. */
export function FolderMenu({
  folder: f,
  onOpen,
  trigger,
  defaultOpen,
}: { folder: VaultFolder; onOpen: (o: NonNullable<Open>) => void } & LoadedMenuProps) {
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
      <MenuContent align="end" className="min-w-36">
        <MenuItem onSelect={() => onOpen({ kind: "rename", folder: f })}>Rename</MenuItem>
        <MenuItem danger onSelect={() => onOpen({ kind: "delete", folder: f })}>
          Delete
        </MenuItem>
      </MenuContent>
    </Menu>
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
export function FolderDialogs({ creatorId, open, current, onClose, onSelect }: DialogsProps) {
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
