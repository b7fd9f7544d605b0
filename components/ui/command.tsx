"use client";

import { Command as C } from "cmdk";
import { Search } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/lib/utils/cn";

// A command menu (cmdk: typed-ahead filtering, arrow keys, Enter, and the
// listbox/option roles screen readers announce) inside our dialog (focus
// trap, Esc, labelled). Features give it groups of items; it has no domain
// words. cmdk over a hand-written combobox: its ranking, keyboard model and
// ARIA wiring are what shadcn's Command and Linear-style palettes use.

export function CommandDialog(p: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  label: string;
  /** The typed text (controlled), for groups the server answers. */
  search: string;
  onSearch: (s: string) => void;
  placeholder: string;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={p.open}
      onOpenChange={p.onOpenChange}
      title={p.label}
      hideTitle
      size="lg"
      className="top-[12dvh] translate-y-0 p-0"
      testId="command-palette"
    >
      <C label={p.label} className="flex max-h-[70dvh] flex-col" loop>
        {/* The caret and the row's underline show where typing goes (no ring inside the dialog's own). */}
        <div className="flex items-center gap-2 border-b border-line px-4 focus-within:border-brand-600">
          <Search className="size-4 shrink-0 text-muted" aria-hidden="true" />
          <C.Input
            value={p.search}
            onValueChange={p.onSearch}
            placeholder={p.placeholder}
            className="h-12 w-full bg-transparent text-base outline-none placeholder:text-muted focus-visible:outline-none sm:text-sm"
          />
        </div>
        <C.List className="overflow-y-auto p-2">{p.children}</C.List>
      </C>
    </Dialog>
  );
}

export function CommandEmpty({ children }: { children: ReactNode }) {
  return <C.Empty className="px-3 py-6 text-center text-sm text-muted">{children}</C.Empty>;
}

export function CommandGroup({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <C.Group
      heading={heading}
      className="mb-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted"
    >
      {children}
    </C.Group>
  );
}

/** One choice: an icon, its words, and a hint at the right (a shortcut, a creator). */
export function CommandItem({
  icon,
  hint,
  children,
  className,
  ...item
}: ComponentProps<typeof C.Item> & { icon?: ReactNode; hint?: ReactNode }) {
  return (
    <C.Item
      {...item}
      className={cn(
        "flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-3 py-2 text-sm text-ink data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-800",
        className,
      )}
    >
      {icon ? <span className="shrink-0 text-zinc-500">{icon}</span> : null}
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {hint ? <span className="shrink-0 text-xs text-muted">{hint}</span> : null}
    </C.Item>
  );
}

/** A key as it is printed on the keyboard. */

export { Kbd } from "./kbd";
