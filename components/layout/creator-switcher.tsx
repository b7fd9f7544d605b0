"use client";

import { ChevronsUpDown, LayoutGrid } from "lucide-react";
import type { ComponentProps } from "react";
import { Avatar } from "@/components/ui/avatar";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { useUnreadByCreator } from "@/lib/queries/creators";
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

// The menu itself (Radix) loads when the switcher is hovered, focused or pressed.
const loadMenu = () => import("./creator-switcher-menu").then((m) => m.SwitcherMenu);

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
    <LazyMenu
      load={loadMenu}
      trigger={
        <SwitcherButton
          current={current}
          label={label}
          workspaceName={ws?.name}
          compact={compact}
          unreadElsewhere={elsewhere}
        />
      }
      props={{ creators, workspaces, currentCreatorId, currentWorkspaceId }}
    />
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
