"use client";

import { Check, LayoutGrid } from "lucide-react";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import type { LoadedMenuProps } from "@/components/ui/lazy-menu";
import { Menu, MenuContent, MenuGroup, MenuItem, MenuLabel, MenuTrigger } from "@/components/ui/menu";
import { useUnreadByCreator } from "@/lib/queries/creators";
import { formatCount } from "@/lib/utils/format";
import type { SwitcherProps } from "./creator-switcher";

// The creator switcher's menu (Radix), loaded on first use by ./creator-switcher.tsx.

export function SwitcherMenu({
  creators,
  workspaces,
  currentCreatorId,
  currentWorkspaceId,
  trigger,
  defaultOpen,
}: Omit<SwitcherProps, "compact"> & LoadedMenuProps) {
  const unread = useUnreadByCreator().data ?? {};
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
      <MenuContent align="start" className="w-72">
        {workspaces.map((w) => {
          const list = creators.filter((c) => c.workspaceId === w.id);
          return (
            <MenuGroup key={w.id}>
              <MenuLabel>{w.name}</MenuLabel>
              {w.kind === "agency" ? (
                <MenuItem asChild className="gap-2.5">
                  <Link href={`/w/${w.id}`}>
                    <LayoutGrid className="size-4 text-zinc-600" aria-hidden="true" />
                    <span className="flex-1">All creators</span>
                    {!currentCreatorId && w.id === currentWorkspaceId ? (
                      <Check className="size-4 text-brand-700" aria-hidden="true" />
                    ) : null}
                  </Link>
                </MenuItem>
              ) : null}
              {list.map((c) => (
                <MenuItem key={c.id} asChild textValue={c.displayName} className="gap-2.5">
                  <Link href={`/c/${c.id}`} data-testid={`switch-to-${c.handle}`}>
                    <Avatar src={c.avatarUrl} name={c.displayName} size="sm" />
                    <span className="min-w-0 flex-1 leading-tight">
                      <span className="block truncate font-medium">{c.displayName}</span>
                      <span className="block truncate text-xs text-muted">@{c.handle}</span>
                    </span>
                    <UnreadBadge n={unread[c.id]} />
                    {c.id === currentCreatorId ? <Check className="size-4 text-brand-700" aria-hidden="true" /> : null}
                  </Link>
                </MenuItem>
              ))}
              {list.length === 0 ? <p className="px-2.5 py-2 text-sm text-muted">No creators you can open.</p> : null}
            </MenuGroup>
          );
        })}
      </MenuContent>
    </Menu>
  );
}

/** Chats waiting for an answer (none: nothing shown). */
function UnreadBadge({ n }: { n: number | null | undefined }) {
  if (!n) return null;
  return (
    <span
      className="tabular rounded-full bg-brand-600 px-1.5 py-0.5 text-[11px] leading-none font-semibold text-white"
      aria-label={`${formatCount(n)} unread chats`}
      data-testid="switcher-unread"
    >
      {n > 99 ? "99+" : formatCount(n)}
    </span>
  );
}
