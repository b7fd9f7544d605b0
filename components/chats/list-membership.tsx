"use client";

import { Check, ListPlus } from "lucide-react";
import { useState } from "react";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuTrigger } from "@/components/ui/menu";
import { useListMembership, useListMutations, useLists } from "@/lib/queries/mass-messages";
import { useToasts } from "./toaster";

/** Add a fan to, or remove them from, the creator's custom lists. Usable
 * wherever a fan is shown (chat header; the fan panel and tables can mount
 * it too): props are the creator and the fan only. */
export function ListMembershipMenu({
  creatorId,
  fanUuid,
  canWrite,
}: {
  creatorId: string;
  fanUuid: string;
  canWrite: boolean;
}) {
  const [open, setOpen] = useState(false);
  const lists = useLists(creatorId);
  // Read only when asked: it reads every custom list's members.
  const membership = useListMembership(creatorId, fanUuid, open);
  const m = useListMutations(creatorId);
  const { push } = useToasts();
  const editable = canWrite && lists.data?.canEdit;
  async function toggle(uuid: string, name: string, isIn: boolean) {
    try {
      if (isIn) await m.removeFan.mutateAsync({ uuid, fanUuid });
      else await m.addFans.mutateAsync({ uuid, fanUuids: [fanUuid] });
      push({ title: isIn ? `Removed from “${name}”` : `Added to “${name}”`, tone: "success" });
    } catch (err) {
      push({
        title: "Could not change the list",
        body: err instanceof Error ? err.message : undefined,
        tone: "danger",
      });
    }
  }
  return (
    <Menu open={open} onOpenChange={setOpen}>
      <MenuTrigger
        className="inline-flex shrink-0 items-center justify-center rounded-lg p-2 text-sm text-zinc-600 hover:bg-black/5 hover:text-ink touch:size-11"
        aria-label="Lists"
        title="Lists"
        data-testid="lists-menu"
      >
        <ListPlus className="size-4" aria-hidden="true" />
      </MenuTrigger>
      <MenuContent className="min-w-56">
        <MenuLabel>{editable ? "Custom lists" : "In custom lists"}</MenuLabel>
        {lists.data?.custom.length === 0 ? (
          <p className="px-2.5 py-1.5 text-sm text-muted">No custom lists yet.</p>
        ) : null}
        {lists.data?.custom.map((l) => {
          const isIn = membership.data?.[l.uuid] ?? false;
          return (
            <MenuItem
              key={l.uuid}
              disabled={!editable || membership.isPending}
              onSelect={(e) => {
                e.preventDefault();
                void toggle(l.uuid, l.name, isIn);
              }}
              data-testid="list-option"
            >
              <span className="flex size-4 items-center justify-center">
                {isIn ? <Check className="size-4 text-brand-700" aria-label="In this list" /> : null}
              </span>
              <span className="flex-1 truncate">{l.name}</span>
              <span className="tabular text-xs text-muted">{l.membersCount}</span>
            </MenuItem>
          );
        })}
        {lists.data && !lists.data.canEdit ? (
          <p className="max-w-64 px-2.5 py-1.5 text-xs text-muted">
            Fanvue lets agencies read lists but not change them.
          </p>
        ) : null}
      </MenuContent>
    </Menu>
  );
}
