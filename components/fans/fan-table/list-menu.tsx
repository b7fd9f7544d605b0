"use client";

import Link from "next/link";
import type { LoadedMenuProps } from "@/components/ui/lazy-menu";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import type { CustomListView } from "@/lib/schemas/mass-messages";
import { formatCount } from "@/lib/utils/format";

// The bulk bar's list menu (Radix), loaded on first use by ./selection-bar.tsx.

export type ListMenuContentProps = {
  creatorId: string;
  lists: CustomListView[];
  act: (uuid: string, name: string) => void;
};

export function ListMenuContent({
  creatorId,
  lists,
  act,
  trigger,
  defaultOpen,
}: ListMenuContentProps & LoadedMenuProps) {
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
      <MenuContent align="start" sideOffset={4} className="max-h-72 min-w-56">
        {lists.length === 0 ? (
          <p className="max-w-64 px-2 py-1.5 text-sm text-muted">
            No custom lists yet.{" "}
            <Link href={`/c/${creatorId}/mass-messages?tab=lists`} className="text-brand-700 underline">
              Create one
            </Link>
          </p>
        ) : null}
        {lists.map((l) => (
          <MenuItem key={l.uuid} onSelect={() => act(l.uuid, l.name)} data-testid="bulk-list-option">
            <span className="flex-1 truncate">{l.name}</span>
            <span className="tabular text-xs text-muted">{formatCount(l.membersCount)}</span>
          </MenuItem>
        ))}
      </MenuContent>
    </Menu>
  );
}
