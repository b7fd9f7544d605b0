"use client";

import { ChevronDown, Hand, UserCheck, UserRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { useClaimAction } from "@/lib/queries/chat-claims";
import type { ChatOwnership } from "@/lib/schemas/chat-claims";
import { ownershipLine } from "@/lib/schemas/chat-claims-values";
import { cn } from "@/lib/utils/cn";
import { useToasts } from "./toaster";

type Props = { creatorId: string; fanUuid: string; ownership: ChatOwnership | null; canSend: boolean };

/** Under the header: who answers this fan ("Kai is answering", "Assigned to
 * you", "Kai is typing…"), and Claim / Release / Assign to… */
export function ClaimBar({ creatorId, fanUuid, ownership: o, canSend }: Props) {
  const line = o ? ownershipLine(o) : null;
  const other = o?.holder && o.holder.userId !== o.you ? o.holder : null;
  return (
    <div
      className={cn(
        "flex min-h-10 flex-wrap items-center gap-x-2 gap-y-1 border-b border-line px-3 py-1.5 text-sm sm:px-4",
        other ? "bg-amber-50 text-amber-900" : line?.mine ? "bg-brand-50 text-brand-900" : "bg-surface text-muted",
      )}
      data-testid="claim-bar"
      data-holder={o?.holder?.name ?? ""}
    >
      {line?.mine ? (
        <UserCheck className="size-4 shrink-0" aria-hidden="true" />
      ) : (
        <UserRound className="size-4 shrink-0" aria-hidden="true" />
      )}
      <p className="min-w-0 flex-1 basis-40 truncate" role="status" aria-live="polite" data-testid="claim-line">
        <span className={cn(line ? "font-medium" : "")}>
          {line?.text ?? (o ? "Nobody is answering this fan" : "…")}
        </span>
        {line?.also ? <span className="text-muted"> · {line.also}</span> : null}
      </p>
      {o && canSend ? <ClaimButtons creatorId={creatorId} fanUuid={fanUuid} o={o} /> : null}
    </div>
  );
}

type Run = (a: Parameters<ReturnType<typeof useClaimAction>["mutate"]>[0], done: string) => void;

/** Claim a free chat, release one's own; a manager's other actions are in the menu. */
function ClaimButtons({ creatorId, fanUuid, o }: { creatorId: string; fanUuid: string; o: ChatOwnership }) {
  const action = useClaimAction(creatorId, fanUuid);
  const { push } = useToasts();
  const run: Run = (a, done) =>
    action.mutate(a, {
      onSuccess: () => push({ title: done, tone: "success" }),
      onError: (e) => push({ title: "Could not change who answers", body: e.message, tone: "danger" }),
    });
  const mine = o.holder?.userId === o.you;
  return (
    <div className="ml-auto flex shrink-0 items-center gap-1.5">
      {!o.holder ? (
        <Button
          size="sm"
          onClick={() => run({ kind: "claim" }, "You are answering this fan")}
          disabled={action.isPending}
          data-testid="claim-button"
        >
          <Hand className="size-4" aria-hidden="true" /> Claim
        </Button>
      ) : null}
      {mine ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => run({ kind: "release" }, "Chat released")}
          disabled={action.isPending}
          data-testid="release-button"
        >
          Release
        </Button>
      ) : null}
      {o.canAssign ? <AssignMenu o={o} pending={action.isPending} run={run} /> : null}
    </div>
  );
}

/** Owner and managers: assign to a member; take over or release someone else's hold. */
function AssignMenu({ o, pending, run }: { o: ChatOwnership; pending: boolean; run: Run }) {
  const other = o.holder && o.holder.userId !== o.you ? o.holder : null;
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button size="sm" variant="secondary" disabled={pending} data-testid="assign-button" aria-label="Assign to…">
          <span className="hidden sm:inline">Assign to…</span>
          <span className="sm:hidden">Assign</span>
          <ChevronDown className="size-3.5" aria-hidden="true" />
        </Button>
      </MenuTrigger>
      <MenuContent>
        {other ? (
          <>
            <MenuItem
              onSelect={() => run({ kind: "claim", takeOver: true }, `Taken over from ${other.name}`)}
              data-testid="take-over"
            >
              <Hand className="size-4" aria-hidden="true" /> Take over from {other.name}
            </MenuItem>
            <MenuItem onSelect={() => run({ kind: "release" }, "Chat released")} data-testid="release-other">
              Release {other.name}&apos;s hold
            </MenuItem>
            <MenuSeparator />
          </>
        ) : null}
        <MenuLabel>Assign to</MenuLabel>
        {o.members.map((m) => (
          <MenuItem
            key={m.userId}
            onSelect={() => run({ kind: "assign", userId: m.userId }, `Assigned to ${m.name}`)}
            data-testid="assign-member"
            data-member={m.name}
          >
            <span className="flex-1 truncate">{m.userId === o.you ? `${m.name} (you)` : m.name}</span>
            {o.holder?.userId === m.userId && o.holder.assignedBy ? (
              <UserCheck className="size-4 text-brand-700" aria-label="Assigned" />
            ) : null}
          </MenuItem>
        ))}
      </MenuContent>
    </Menu>
  );
}
