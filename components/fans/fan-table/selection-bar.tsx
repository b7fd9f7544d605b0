"use client";

import { ChevronDown, ListMinus, ListPlus, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useToasts } from "@/components/chats/toaster";
import { Button } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import type { CustomListView } from "@/lib/schemas/mass-messages";
import { useListMutations, useLists } from "@/lib/queries/mass-messages";
import { formatCount } from "@/lib/utils/format";

type Props = { creatorId: string; selected: string[]; onClear: () => void };

const plural = (n: number) => `${formatCount(n)} ${n === 1 ? "fan" : "fans"}`;

/** Adding the ticked fans to a list, or removing them from one, with a
 * running status line and a toast at the end. */
function useBulkListActions(creatorId: string, selected: string[], onClear: () => void) {
  const m = useListMutations(creatorId);
  const { push } = useToasts();
  const [busy, setBusy] = useState<string | null>(null);

  async function add(uuid: string, name: string) {
    setBusy(`Adding ${plural(selected.length)} to “${name}”…`);
    try {
      // One Fanvue call: a page holds at most 50 fans, Fanvue takes 100.
      const r = await m.addFans.mutateAsync({ uuid, fanUuids: selected });
      push({
        title: `Added ${plural(r.added)} to “${name}”`,
        body: r.skipped ? `${plural(r.skipped)} already in it` : undefined,
        tone: "success",
      });
      onClear();
    } catch (err) {
      push({
        title: `Could not add to “${name}”`,
        body: err instanceof Error ? err.message : undefined,
        tone: "danger",
      });
    } finally {
      setBusy(null);
    }
  }

  async function remove(uuid: string, name: string) {
    // Fanvue removes one member per call: go one by one and stop at the
    // first refusal, saying how far it got (nothing is half-reported).
    let done = 0;
    try {
      for (const fanUuid of selected) {
        setBusy(`Removing from “${name}”: ${done} of ${selected.length}…`);
        await m.removeFan.mutateAsync({ uuid, fanUuid });
        done++;
      }
      push({ title: `Removed ${plural(done)} from “${name}”`, tone: "success" });
      onClear();
    } catch (err) {
      push({
        title: `Stopped after ${plural(done)} removed from “${name}”`,
        body: err instanceof Error ? err.message : undefined,
        tone: "danger",
      });
    } finally {
      setBusy(null);
    }
  }

  return { busy, add, remove };
}

type ListMenuProps = {
  creatorId: string;
  lists: CustomListView[];
  label: string;
  Icon: typeof ListPlus;
  testId: string;
  disabled: boolean;
  act: (uuid: string, name: string) => void;
};

/** A button opening the creator's custom lists; picking one acts on it. */
function ListMenu({ creatorId, lists, label, Icon, testId, disabled, act }: ListMenuProps) {
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button size="sm" variant="secondary" disabled={disabled} data-testid={testId}>
          <Icon className="size-4" aria-hidden="true" />
          {label}
          <ChevronDown className="size-3.5 text-muted" aria-hidden="true" />
        </Button>
      </MenuTrigger>
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

/** Bulk actions on the fans ticked in the table: add them to, or remove them
 * from, one of the creator's custom lists (what mass messages target). */
export function SelectionBar({ creatorId, selected, onClear }: Props) {
  const lists = useLists(creatorId);
  const { busy, add, remove } = useBulkListActions(creatorId, selected, onClear);
  const custom = lists.data?.custom ?? [];
  const menu = { creatorId, lists: custom, disabled: busy !== null };

  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-xl border border-brand-200 bg-brand-50 px-3 py-2 text-sm"
      role="region"
      aria-label="Selected fans"
      data-testid="selection-bar"
    >
      <span className="font-medium text-brand-900" data-testid="selection-count">
        {plural(selected.length)} selected
      </span>
      <ListMenu {...menu} label="Add to list" Icon={ListPlus} testId="bulk-add" act={(u, n) => void add(u, n)} />
      <ListMenu
        {...menu}
        label="Remove from list"
        Icon={ListMinus}
        testId="bulk-remove"
        act={(u, n) => void remove(u, n)}
      />
      <span className="text-xs text-brand-900/80" aria-live="polite">
        {busy}
      </span>
      <button
        type="button"
        onClick={onClear}
        className="ml-auto inline-flex items-center gap-1 rounded-lg px-2 py-1 text-brand-900 hover:bg-brand-100"
        data-testid="selection-clear"
      >
        <X className="size-4" aria-hidden="true" />
        Clear
      </button>
    </div>
  );
}
