"use client";

import { Check, ChevronsUpDown, LayoutGrid } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/lib/utils/cn";

export type SwitcherCreator = { id: string; handle: string; displayName: string; avatarUrl: string | null; workspaceId: string };
export type SwitcherWorkspace = { id: string; name: string; kind: "creator" | "agency" };

export type SwitcherProps = {
  creators: SwitcherCreator[];
  workspaces: SwitcherWorkspace[];
  /** The creator open now, or null on a workspace page ("All creators"). */
  currentCreatorId: string | null;
  currentWorkspaceId: string;
  compact?: boolean;
};

/** Creator switcher: a keyboard-navigable menu (Tab to it, Enter or ↓ to
 * open, arrows and type-ahead to move, Enter to open a creator). */
export function CreatorSwitcher({ creators, workspaces, currentCreatorId, currentWorkspaceId, compact }: SwitcherProps) {
  const current = creators.find((c) => c.id === currentCreatorId);
  const ws = workspaces.find((w) => w.id === currentWorkspaceId);
  const label = current ? current.displayName : `All creators`;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className={cn(
            "flex w-full min-w-0 items-center gap-2.5 rounded-lg border border-line bg-surface text-left shadow-sm hover:bg-canvas",
            compact ? "px-2 py-1" : "px-2.5 py-2",
          )}
          data-testid="creator-switcher"
          aria-label={`Switch creator (now: ${label})`}
        >
          {current ? (
            <Avatar src={current.avatarUrl} name={current.displayName} size="sm" />
          ) : (
            <span className="flex size-8 items-center justify-center rounded-full bg-zinc-100">
              <LayoutGrid className="size-4 text-zinc-600" aria-hidden="true" />
            </span>
          )}
          <span className="min-w-0 flex-1 leading-tight">
            <span className="block truncate text-sm font-medium" data-testid="current-creator">
              {label}
            </span>
            {!compact ? <span className="block truncate text-xs text-muted">{current ? `@${current.handle}` : ws?.name}</span> : null}
          </span>
          <ChevronsUpDown className="size-4 shrink-0 text-muted" aria-hidden="true" />
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" sideOffset={6} className="z-50 max-h-[70vh] w-72 overflow-y-auto rounded-xl border border-line bg-surface p-1.5 shadow-lg">
          {workspaces.map((w) => {
            const list = creators.filter((c) => c.workspaceId === w.id);
            return (
              <DropdownMenu.Group key={w.id}>
                <DropdownMenu.Label className="px-2.5 pt-2 pb-1 text-xs font-semibold tracking-wide text-muted uppercase">{w.name}</DropdownMenu.Label>
                {w.kind === "agency" ? (
                  <DropdownMenu.Item asChild>
                    <Link href={`/w/${w.id}`} className="flex items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm outline-none data-highlighted:bg-black/5">
                      <LayoutGrid className="size-4 text-zinc-600" aria-hidden="true" />
                      <span className="flex-1">All creators</span>
                      {!currentCreatorId && w.id === currentWorkspaceId ? <Check className="size-4 text-brand-700" aria-hidden="true" /> : null}
                    </Link>
                  </DropdownMenu.Item>
                ) : null}
                {list.map((c) => (
                  <DropdownMenu.Item key={c.id} asChild textValue={c.displayName}>
                    <Link href={`/c/${c.id}`} className="flex items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm outline-none data-highlighted:bg-black/5" data-testid={`switch-to-${c.handle}`}>
                      <Avatar src={c.avatarUrl} name={c.displayName} size="sm" />
                      <span className="min-w-0 flex-1 leading-tight">
                        <span className="block truncate font-medium">{c.displayName}</span>
                        <span className="block truncate text-xs text-muted">@{c.handle}</span>
                      </span>
                      {c.id === currentCreatorId ? <Check className="size-4 text-brand-700" aria-hidden="true" /> : null}
                    </Link>
                  </DropdownMenu.Item>
                ))}
                {list.length === 0 ? <p className="px-2.5 py-2 text-sm text-muted">No creators you can open.</p> : null}
              </DropdownMenu.Group>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
