"use client";

import { DropdownMenu as M } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

// One look for every dropdown menu (Radix: keyboard, typeahead, focus return).

export const Menu = M.Root;
export const MenuTrigger = M.Trigger;
export const MenuGroup = M.Group;

/** The menu's panel; long lists scroll. */
export function MenuContent({
  className,
  children,
  align = "end",
  sideOffset = 6,
  ...props
}: ComponentProps<typeof M.Content>) {
  return (
    <M.Portal>
      <M.Content
        align={align}
        sideOffset={sideOffset}
        className={cn(
          "z-50 max-h-[70vh] min-w-48 overflow-y-auto rounded-xl border border-line bg-surface p-1.5 shadow-lg",
          className,
        )}
        {...props}
      >
        {children}
      </M.Content>
    </M.Portal>
  );
}

/** An entry; `danger` for destructive ones. */
export function MenuItem({ className, danger, ...props }: ComponentProps<typeof M.Item> & { danger?: boolean }) {
  return (
    <M.Item
      className={cn(
        "flex cursor-pointer items-center gap-2 rounded-lg px-2.5 py-2 text-sm outline-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 touch:min-h-11",
        danger ? "text-red-700 data-highlighted:bg-red-50" : "data-highlighted:bg-black/5",
        className,
      )}
      {...props}
    />
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <M.Label className="px-2.5 py-1.5 text-xs font-medium text-muted">{children}</M.Label>;
}

export const MenuSeparator = () => <M.Separator className="my-1 h-px bg-line" />;
