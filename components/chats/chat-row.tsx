"use client";

import { BellOff, Image as ImageIcon, UserRound } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import type { ChatRow as Row } from "@/lib/schemas/chats";
import { cn } from "@/lib/utils/cn";
import { FanValueLine } from "./fan-value";
import { chatName, previewOf } from "./format";
import { formatListTime } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";

/** One chat in the list: who, the last message, when, unread count, what the fan is worth. */
export function ChatRow({
  row,
  active,
  onOpen,
  showCreator,
}: {
  row: Row;
  active: boolean;
  onOpen: () => void;
  showCreator: boolean;
}) {
  const viewer = useViewer();
  const unread = row.unreadCount > 0;
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="chat-row"
      data-fan={row.fanUuid}
      data-unread={unread ? "true" : "false"}
      aria-current={active ? "true" : undefined}
      className={cn(
        "flex w-full items-start gap-3 px-3 py-2.5 text-left transition-colors",
        active ? "bg-brand-50" : "hover:bg-black/[0.03]",
      )}
    >
      <span className="relative">
        <Avatar src={row.avatarUrl} name={row.displayName ?? row.handle} />
        {row.isOnline ? (
          <span
            className="absolute right-0 bottom-0 size-3 rounded-full bg-brand-500 ring-2 ring-surface"
            title="Online"
            data-testid="online-dot"
          />
        ) : null}
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline gap-2">
          <span className={cn("truncate text-sm", unread ? "font-semibold text-ink" : "font-medium text-ink")}>
            {chatName(row)}
          </span>
          {row.isMuted ? <BellOff className="size-3.5 shrink-0 text-muted" aria-label="Muted" /> : null}
          <span className="tabular ml-auto shrink-0 text-xs text-muted" data-testid="chat-time">
            {row.lastMessageAt ? formatListTime(row.lastMessageAt, viewer) : ""}
          </span>
        </span>
        <span className="mt-0.5 flex items-center gap-2">
          <span
            className={cn(
              "flex min-w-0 flex-1 items-center gap-1 truncate text-sm",
              unread ? "text-ink" : "text-muted",
            )}
          >
            {row.lastMessage?.hasMedia ? <ImageIcon className="size-3.5 shrink-0" aria-hidden="true" /> : null}
            <span className="truncate">{previewOf(row)}</span>
          </span>
          {unread ? (
            <span
              className="tabular min-w-5 shrink-0 rounded-full bg-brand-600 px-1.5 text-center text-xs font-semibold text-white"
              data-testid="unread-count"
              aria-label={`${row.unreadCount} unread`}
            >
              {row.unreadCount}
            </span>
          ) : null}
        </span>
        <FanValueLine row={row} />
        <RowTags row={row} showCreator={showCreator} />
      </span>
    </button>
  );
}

/** Whose chat it is (team inbox) and who else holds it. */
function RowTags({ row, showCreator }: { row: Row; showCreator: boolean }) {
  if (!(showCreator && row.creator) && !row.holder) return null;
  return (
    <span className="mt-1 flex flex-wrap gap-1">
      {showCreator && row.creator ? (
        <span
          className="inline-flex rounded-full bg-zinc-100 px-2 py-0.5 text-[11px] font-medium text-zinc-700"
          data-testid="chat-creator-tag"
        >
          @{row.creator.handle}
        </span>
      ) : null}
      {row.holder ? <HolderBadge holder={row.holder} /> : null}
    </span>
  );
}

/** Another member holds this chat: their name; the tooltip says whether they claimed it or were assigned. */
function HolderBadge({ holder }: { holder: NonNullable<Row["holder"]> }) {
  const what = holder.assigned ? `Assigned to ${holder.name}` : `${holder.name} is answering`;
  return (
    <Badge tone="warning" className="max-w-40 px-1.5 text-[11px]" title={what} data-testid="chat-holder">
      <UserRound className="size-3 shrink-0" aria-hidden="true" />
      <span className="truncate">
        <span className="sr-only">{what}: </span>
        {holder.name}
      </span>
    </Badge>
  );
}
