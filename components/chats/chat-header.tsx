"use client";

import { ArrowLeft, Bell, BellOff, Ellipsis, Info, Mail, MailOpen, Pencil } from "lucide-react";
import { useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import { useChatPatch } from "@/lib/queries/chats";
import type { ChatRow } from "@/lib/schemas/chats";
import { chatName } from "./format";
import { ListMembershipMenu } from "./list-membership";
import { useToasts } from "./toaster";

type Props = {
  creatorId: string;
  fanUuid: string;
  row: ChatRow | null;
  canSend: boolean;
  canWriteFans: boolean;
  canReadFans: boolean;
  onBack: () => void;
  onFanInfo: () => void;
  creatorTag: string | null;
};

const iconBtn =
  "inline-flex shrink-0 items-center justify-center rounded-lg p-2 text-sm text-zinc-600 hover:bg-black/5 hover:text-ink disabled:opacity-50 touch:size-11";

type Patch = ReturnType<typeof useChatPatch>;
type PatchBody = Parameters<Patch["mutate"]>[0];

/** The chat's patch, with a toast on success or failure. */
function useChatUpdate(creatorId: string, fanUuid: string) {
  const patch = useChatPatch(creatorId, fanUuid);
  const { push } = useToasts();
  const run = (body: PatchBody, done: string) =>
    patch.mutate(body, {
      onSuccess: () => push({ title: done, tone: "success" }),
      onError: (e) => push({ title: "Could not update the chat", body: e.message, tone: "danger" }),
    });
  return { pending: patch.isPending, run };
}

/** Who the chat is with, and what can be done with it. */
export function ChatHeader(p: Props) {
  const { pending, run } = useChatUpdate(p.creatorId, p.fanUuid);
  const [naming, setNaming] = useState(false);
  return (
    // On a phone the conversation is the whole screen: this is its one header (the app's header and
    // tab bar step aside, app-shell.tsx), and the composer sits at the bottom, at the thumb.
    <header
      className="flex items-center gap-1 border-b border-line bg-surface px-1 py-1 pt-[max(0.25rem,env(safe-area-inset-top))] sm:gap-2 sm:px-3 sm:py-2"
      data-testid="conversation-header"
      data-phone-fullscreen
      data-replaces-tabs
    >
      <button type="button" onClick={p.onBack} className={`${iconBtn} lg:hidden`} aria-label="Back to chats">
        <ArrowLeft className="size-5" aria-hidden="true" />
      </button>
      <Avatar src={p.row?.avatarUrl} name={p.row?.displayName ?? p.row?.handle ?? "?"} size="sm" />
      <div className="min-w-0 flex-1 pl-1">
        <h2 className="truncate text-sm font-semibold" data-testid="conversation-name">
          {p.row ? chatName(p.row) : "Conversation"}
        </h2>
        <p className="truncate text-xs text-muted">
          {p.row ? `@${p.row.handle}` : p.fanUuid}
          {p.row?.isOnline ? " · online" : ""}
          {p.creatorTag ? ` · for @${p.creatorTag}` : ""}
        </p>
      </div>
      {p.canSend ? (
        <>
          <div className="hidden items-center gap-2 sm:flex">
            <ChatActions row={p.row} pending={pending} run={run} onNickname={() => setNaming(true)} />
          </div>
          <ChatActionsMenu row={p.row} pending={pending} run={run} onNickname={() => setNaming(true)} />
        </>
      ) : null}
      {p.canReadFans ? (
        <ListMembershipMenu creatorId={p.creatorId} fanUuid={p.fanUuid} canWrite={p.canWriteFans} />
      ) : null}
      {p.canReadFans ? (
        <button
          type="button"
          className={`${iconBtn} xl:hidden`}
          onClick={p.onFanInfo}
          aria-label="Fan details"
          data-testid="fan-info-button"
        >
          <Info className="size-5" aria-hidden="true" />
        </button>
      ) : null}
      <NicknameDialog
        open={naming}
        onOpenChange={setNaming}
        initial={p.row?.nickname ?? ""}
        onSave={(v) => run({ nickname: v.trim() }, v.trim() ? "Nickname saved" : "Nickname removed")}
      />
    </header>
  );
}

type ActionProps = {
  row: ChatRow | null;
  pending: boolean;
  run: (body: PatchBody, done: string) => void;
  onNickname: () => void;
};

/** On a phone the three actions fold into one menu, so the fan's name keeps its room. */
function ChatActionsMenu({ row, pending, run, onNickname }: ActionProps) {
  const unread = (row?.unreadCount ?? 0) > 0;
  const muted = row?.isMuted ?? false;
  return (
    <Menu>
      <MenuTrigger className={`${iconBtn} sm:hidden`} aria-label="Chat actions" data-testid="chat-actions-menu">
        <Ellipsis className="size-5" aria-hidden="true" />
      </MenuTrigger>
      <MenuContent className="min-w-48">
        <MenuItem
          disabled={pending}
          onSelect={() => run({ isRead: unread }, unread ? "Marked as read" : "Marked as unread")}
        >
          {unread ? <MailOpen className="size-4" aria-hidden="true" /> : <Mail className="size-4" aria-hidden="true" />}
          {unread ? "Mark as read" : "Mark as unread"}
        </MenuItem>
        <MenuItem disabled={pending} onSelect={() => run({ isMuted: !muted }, muted ? "Unmuted" : "Muted")}>
          {muted ? <Bell className="size-4" aria-hidden="true" /> : <BellOff className="size-4" aria-hidden="true" />}
          {muted ? "Unmute" : "Mute"}
        </MenuItem>
        <MenuItem onSelect={onNickname}>
          <Pencil className="size-4" aria-hidden="true" />
          Nickname
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}

/** Read/unread, mute/unmute, and the nickname button. */
function ChatActions({ row, pending, run, onNickname }: ActionProps) {
  const unread = (row?.unreadCount ?? 0) > 0;
  const muted = row?.isMuted ?? false;
  return (
    <>
      <button
        type="button"
        className={iconBtn}
        onClick={() => run({ isRead: unread }, unread ? "Marked as read" : "Marked as unread")}
        disabled={pending}
        data-testid="toggle-read"
        title={unread ? "Mark as read" : "Mark as unread"}
        aria-label={unread ? "Mark as read" : "Mark as unread"}
      >
        {unread ? <MailOpen className="size-4" aria-hidden="true" /> : <Mail className="size-4" aria-hidden="true" />}
      </button>
      <button
        type="button"
        className={iconBtn}
        onClick={() => run({ isMuted: !muted }, muted ? "Unmuted" : "Muted")}
        disabled={pending}
        data-testid="toggle-mute"
        title={muted ? "Unmute" : "Mute"}
        aria-label={muted ? "Unmute" : "Mute"}
      >
        {muted ? <Bell className="size-4" aria-hidden="true" /> : <BellOff className="size-4" aria-hidden="true" />}
      </button>
      <button
        type="button"
        className={iconBtn}
        onClick={onNickname}
        data-testid="edit-nickname"
        title="Nickname"
        aria-label="Nickname"
      >
        <Pencil className="size-4" aria-hidden="true" />
      </button>
    </>
  );
}

function NicknameDialog({
  open,
  onOpenChange,
  initial,
  onSave,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  initial: string;
  onSave: (v: string) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <Dialog open={open} onOpenChange={(o) => (setValue(initial), onOpenChange(o))} title="Nickname">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(value);
          onOpenChange(false);
        }}
      >
        <Input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={30}
          autoFocus
          aria-label="Nickname"
          placeholder="Only you and your team see it"
        />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit">Save</Button>
        </div>
      </form>
    </Dialog>
  );
}
