"use client";

import { Tabs as T } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

// One look for every tab strip (Radix: arrow keys, roving focus, aria-selected).

export const Tabs = T.Root;

/** The strip. `fill` spreads the tabs over the full width (a two-way toggle). */
export function TabList({ className, fill, ...props }: ComponentProps<typeof T.List> & { fill?: boolean }) {
  return (
    <T.List
      className={cn(
        "flex max-w-full gap-1 overflow-x-auto rounded-xl border border-line bg-surface p-1 shadow-sm",
        fill ? "w-full" : "w-full sm:w-fit",
        className,
      )}
      {...props}
    />
  );
}

export function Tab({ className, ...props }: ComponentProps<typeof T.Trigger>) {
  return (
    <T.Trigger
      className={cn(
        "flex shrink-0 items-center justify-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-zinc-600 hover:text-ink sm:px-3 touch:min-h-11 touch:min-w-11",
        "focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
        "data-[state=active]:bg-brand-50 data-[state=active]:text-brand-800",
        className,
      )}
      {...props}
    />
  );
}

export function TabPanel({ className, ...props }: ComponentProps<typeof T.Content>) {
  return <T.Content className={cn("outline-none", className)} {...props} />;
}
