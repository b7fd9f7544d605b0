"use client";

import { LogOut, Settings } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { Sheet } from "@/components/ui/dialog";
import { cn } from "@/lib/utils/cn";
import type { ShellNav } from "./app-shell";
import { CreatorSwitcher, type SwitcherProps } from "./creator-switcher";
import { NavLink, NavSections } from "./nav-list";

// The phone's "More" sheet, loaded the first time it opens (bottom-tabs.tsx).

/** Everything the tabs leave out, as a sheet from the bottom (the thumb's end of the screen). */
export function MoreSheet(p: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  nav: ShellNav;
  switcher: SwitcherProps;
  active: string | undefined;
}) {
  const close = () => p.onOpenChange(false);
  const row = "flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm font-medium text-zinc-700 hover:bg-black/5";
  return (
    <Sheet open={p.open} onOpenChange={p.onOpenChange} title="More" hideTitle={false} side="bottom" testId="more-sheet">
      <div className="flex flex-col gap-4 overflow-y-auto px-3 pt-4 pb-4">
        <div className="px-1">
          <CreatorSwitcher {...p.switcher} />
        </div>
        <NavSections items={p.nav.primary} active={p.active} onNavigate={close} />
        {p.nav.secondary.length ? (
          <div className="flex flex-col gap-0.5 border-t border-line pt-3">
            {p.nav.secondary.map((item) => (
              <NavLink key={item.href} item={item} active={item.href === p.active} onNavigate={close} />
            ))}
          </div>
        ) : null}
        <div className="flex flex-col gap-0.5 border-t border-line pt-3">
          <Link href="/settings" onClick={close} className={row} data-testid="more-settings">
            <Settings className="size-4 text-zinc-500" aria-hidden="true" /> Settings
          </Link>
          <button
            type="button"
            onClick={() => void signOut({ redirectTo: "/sign-in" })}
            className={cn(row, "text-left")}
            data-testid="more-sign-out"
          >
            <LogOut className="size-4 text-zinc-500" aria-hidden="true" /> Sign out
          </button>
        </div>
      </div>
    </Sheet>
  );
}
