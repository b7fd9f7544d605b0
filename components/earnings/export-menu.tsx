"use client";

import type { LoadedMenuProps } from "@/components/ui/lazy-menu";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "@/components/ui/menu";
import type { EarningsParams } from "./use-earnings-params";

// The CSV export's menu (Radix), loaded on first use by ./controls.tsx.

export type ExportKind = "transactions" | "buckets";

export function ExportMenuContent({
  granularity,
  onPick,
  trigger,
  defaultOpen,
}: { granularity: EarningsParams["granularity"]; onPick: (kind: ExportKind) => void } & LoadedMenuProps) {
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
      <MenuContent className="w-64">
        <MenuItem data-testid="export-transactions" onSelect={() => onPick("transactions")}>
          One row per transaction
        </MenuItem>
        <MenuItem data-testid="export-buckets" onSelect={() => onPick("buckets")}>
          One row per {granularity}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
