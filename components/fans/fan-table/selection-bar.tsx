"use client";

import { ChevronDown, ListMinus, ListPlus, X } from "lucide-react";
import { useState } from "react";
import { useToasts } from "@/components/chats/toaster";
import { Button } from "@/components/ui/button";
import { LazyMenu } from "@/components/ui/lazy-menu";
import { useListMutations, useLists } from "@/lib/queries/mass-messages";
import { formatCount } from "@/lib/utils/format";
import type { ListMenuContentProps } from "./list-menu";

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

const loadListMenu = () => import("./list-menu").then((m) => m.ListMenuContent);

type ListMenuProps = ListMenuContentProps & {
  label: string;
  Icon: typeof ListPlus;
  testId: string;
  disabled: boolean;
};

/** A button opening the creator's custom lists; picking one acts on it. The bar appears with the
 * first tick (inline, above the table: it must not arrive late and move the rows); the menu's
 * code (Radix) loads on hover, focus or press. */
function ListMenu({ label, Icon, testId, disabled, ...menu }: ListMenuProps) {
  return (
    <LazyMenu
      load={loadListMenu}
      trigger={
        <Button size="sm" variant="secondary" disabled={disabled} data-testid={testId}>
          <Icon className="size-4" aria-hidden="true" />
          {label}
          <ChevronDown className="size-3.5 text-muted" aria-hidden="true" />
        </Button>
      }
      props={menu}
    />
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
