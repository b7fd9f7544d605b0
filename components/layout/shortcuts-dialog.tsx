"use client";

import { Dialog } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import { goTargets, type GoTarget } from "@/lib/utils/shortcuts";
import type { NavItem } from "./nav-items";

// The keyboard map ("?"), loaded the first time it opens (app-shell.tsx).

export function ShortcutsDialog(p: { open: boolean; onOpenChange: (open: boolean) => void; items: NavItem[] }) {
  const targets: GoTarget[] = goTargets(p.items);
  const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <Dialog open={p.open} onOpenChange={p.onOpenChange} title="Keyboard shortcuts" size="md" testId="shortcuts">
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
        <dt>
          <Kbd>{isMac ? "⌘" : "Ctrl"}</Kbd> <Kbd>K</Kbd>
        </dt>
        <dd>Search pages, creators and fans</dd>
        <dt>
          <Kbd>?</Kbd>
        </dt>
        <dd>This list</dd>
        <dt>
          <Kbd>Esc</Kbd>
        </dt>
        <dd>Close a dialog, a panel or the menu</dd>
        {targets.map((t) => (
          <div key={t.letter} className="contents">
            <dt>
              <Kbd>g</Kbd> <Kbd>{t.letter}</Kbd>
            </dt>
            <dd>Go to {t.label}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
