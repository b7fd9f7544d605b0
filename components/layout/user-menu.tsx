"use client";

import { ChevronDown, Globe, LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { PreferencesDialog } from "@/components/viewer/preferences-dialog";
import { useViewer } from "@/components/viewer/viewer";

export type ShellUser = { name: string; handle: string | null; image: string | null };

export function UserMenu({ user }: { user: ShellUser }) {
  const viewer = useViewer();
  const [prefs, setPrefs] = useState(false);
  return (
    <>
      <Menu>
        <MenuTrigger asChild>
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
        </MenuTrigger>
        <MenuContent sideOffset={8} className="min-w-56">
          <div className="px-2.5 py-2">
            <p className="truncate text-sm font-medium">{user.name}</p>
            {user.handle ? <p className="truncate text-xs text-muted">@{user.handle}</p> : null}
          </div>
          <MenuSeparator />
          <MenuItem asChild data-testid="open-settings">
            <Link href="/settings">
              <Settings className="size-4" aria-hidden="true" />
              Settings
            </Link>
          </MenuItem>
          <MenuItem onSelect={() => setPrefs(true)} data-testid="open-preferences">
            <Globe className="size-4" aria-hidden="true" />
            <span className="flex min-w-0 flex-col">
              Time zone and date format
              <span className="truncate text-xs text-muted" data-testid="current-zone">
                {viewer.zone.replace(/_/g, " ")}
                {viewer.saved.timeZone ? "" : " (this device)"}
              </span>
            </span>
          </MenuItem>
          <MenuItem onSelect={() => void signOut({ redirectTo: "/sign-in" })} data-testid="sign-out">
            <LogOut className="size-4" aria-hidden="true" />
            Sign out
          </MenuItem>
        </MenuContent>
      </Menu>
      {prefs ? <PreferencesDialog open onOpenChange={setPrefs} /> : null}
    </>
  );
}
