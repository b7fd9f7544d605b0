"use client";

import { Globe, LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import type { LoadedMenuProps } from "@/components/ui/lazy-menu";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { useViewer } from "@/components/viewer/viewer";
import type { ShellUser } from "./user-menu";

// The account menu (Radix), loaded on first use by ./user-menu.tsx.

export function UserMenuContent({
  user,
  onPreferences,
  trigger,
  defaultOpen,
}: { user: ShellUser; onPreferences: () => void } & LoadedMenuProps) {
  const viewer = useViewer();
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
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
        <MenuItem onSelect={onPreferences} data-testid="open-preferences">
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
  );
}
