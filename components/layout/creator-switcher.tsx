"use client";

import { Check, ChevronsUpDown, LayoutGrid } from "lucide-react";
import Link from "next/link";
import type { ComponentProps } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Menu, MenuContent, MenuGroup, MenuItem, MenuLabel, MenuTrigger } from "@/components/ui/menu";
import { useUnreadByCreator } from "@/lib/queries/creators";
import { formatCount } from "@/lib/utils/format";
import { cn } from "@/lib/utils/cn";

export type SwitcherCreator = {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  workspaceId: string;
};
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
export function CreatorSwitcher({
  creators,
  workspaces,
  currentCreatorId,
  currentWorkspaceId,
  compact,
}: SwitcherProps) {
  const current = creators.find((c) => c.id === currentCreatorId);
  const ws = workspaces.find((w) => w.id === currentWorkspaceId);
  const label = current ? current.displayName : `All creators`;
  const unread = useUnreadByCreator().data ?? {};
  // Unread elsewhere: a dot on the switcher says another creator has fans waiting.
  const elsewhere = creators.some((c) => c.id !== currentCreatorId && (unread[c.id] ?? 0) > 0);
  return (
    <Menu>
      <MenuTrigger asChild>
        <SwitcherButton
          current={current}
          label={label}
          workspaceName={ws?.name}
          compact={compact}
          unreadElsewhere={elsewhere}
        />
      </MenuTrigger>
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

/** The switcher's face: the creator open now (or "All creators"). Forwards the
 * trigger's props (Radix's asChild puts its handlers and aria on it). */
function SwitcherButton({
  current,
  label,
  workspaceName,
  compact,
  unreadElsewhere,
  ...props
}: {
  current: SwitcherCreator | undefined;
  label: string;
  workspaceName: string | undefined;
  compact?: boolean;
  unreadElsewhere: boolean;
} & ComponentProps<"button">) {
  return (
    <button
      {...props}
      type="button"
      className={cn(
        "flex w-full min-w-0 items-center gap-2.5 rounded-lg border border-line bg-surface text-left shadow-sm hover:bg-canvas",
        compact ? "px-2 py-1 touch:min-h-11" : "px-2.5 py-2 touch:min-h-11",
      )}
      data-testid="creator-switcher"
    >
      {/* Named by what it shows (WCAG 2.5.3), after what it does. */}
      <span className="sr-only">Switch creator, now: </span>
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
        {!compact ? (
          <span className="block truncate text-xs text-muted">{current ? `@${current.handle}` : workspaceName}</span>
        ) : null}
      </span>
      {unreadElsewhere ? (
        <span className="size-2 shrink-0 rounded-full bg-brand-600" data-testid="switcher-dot">
          <span className="sr-only">, unread chats for other creators</span>
        </span>
      ) : null}
      <ChevronsUpDown className="size-4 shrink-0 text-muted" aria-hidden="true" />
    </button>
  );
}
