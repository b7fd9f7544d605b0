"use client";

import { ChevronDown } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { LazyMenu } from "@/components/ui/lazy-menu";

// The menu itself (Radix) loads when the trigger is hovered, focused or pressed.
const loadMenu = () => import("./user-menu-content").then((m) => m.UserMenuContent);
// The time-zone dialog (Radix) likewise, when chosen from the menu.
const PreferencesDialog = dynamic(
  () => import("@/components/viewer/preferences-dialog").then((m) => m.PreferencesDialog),
  { ssr: false },
);

export type ShellUser = { name: string; handle: string | null; image: string | null };

export function UserMenu({ user }: { user: ShellUser }) {
  const [prefs, setPrefs] = useState(false);
  return (
    <>
      <LazyMenu
        load={loadMenu}
        trigger={
          <button
            type="button"
            className="flex items-center gap-2.5 rounded-lg py-1 pr-1 pl-1 hover:bg-black/5 sm:pr-2 touch:min-h-11 touch:min-w-11 touch:justify-center"
            data-testid="user-menu"
          >
            <Avatar src={user.image} name={user.name} size="sm" />
            <span className="hidden min-w-0 text-left leading-tight sm:block">
              <span className="block max-w-40 truncate text-sm font-medium" data-testid="account-name">
                {user.name}
              </span>
              {user.handle ? <span className="block max-w-40 truncate text-xs text-muted">@{user.handle}</span> : null}
            </span>
            <ChevronDown className="hidden size-4 text-muted sm:block" aria-hidden="true" />
            <span className="sr-only">Account menu</span>
          </button>
        }
        props={{ user, onPreferences: () => setPrefs(true) }}
      />
      {prefs ? <PreferencesDialog open onOpenChange={setPrefs} /> : null}
    </>
  );
}
