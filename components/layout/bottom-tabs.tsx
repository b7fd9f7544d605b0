"use client";

import { Ellipsis, LogOut, Settings } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useState } from "react";
import { Sheet } from "@/components/ui/dialog";
import { useUnreadByCreator } from "@/lib/queries/creators";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "@/lib/utils/format";
import { totalUnread } from "@/lib/utils/unread-title";
import { CreatorSwitcher, type SwitcherProps } from "./creator-switcher";
import { activeHref, NAV_ICONS, tabsOf, type NavItem } from "./nav-items";
import { NavLink, NavSections } from "./nav-list";
import type { ShellNav } from "./app-shell";

/** Unread chats behind the Chats tab: the open creator's, or every creator's on an agency page. */
function useChatsUnread(creatorId: string | null): number {
  const { data } = useUnreadByCreator();
  if (!data) return 0;
  return creatorId ? Math.max(0, data[creatorId] ?? 0) : totalUnread(data);
}

const TAB =
  "flex h-14 min-w-11 flex-1 flex-col items-center justify-center gap-0.5 text-[11px] font-medium outline-offset-[-2px]";

function Tab({ item, active, unread }: { item: NavItem; active: boolean; unread: number }) {
  const Icon = NAV_ICONS[item.icon];
  const label = item.tab?.label ?? item.label;
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(TAB, "relative", active ? "text-brand-700" : "text-zinc-600")}
      data-testid={`tab-${item.tab?.key}`}
    >
      <Icon className="size-6" aria-hidden="true" strokeWidth={active ? 2.25 : 1.75} />
      {label}
      {/* After the label in reading order ("Chats 12 unread": the name holds what is shown, WCAG
          2.5.3), drawn on the icon's corner. */}
      {unread ? (
        <span
          className="tabular absolute top-1 left-1/2 ml-0.5 min-w-5 rounded-full bg-brand-600 px-1 py-0.5 text-center text-[10px] leading-none font-semibold text-white ring-2 ring-surface"
          data-testid="tab-unread"
        >
          {unread > 99 ? "99+" : formatCount(unread)}
          <span className="sr-only"> unread</span>
        </span>
      ) : null}
    </Link>
  );
}

/**
 * The phone's and tablet's navigation (below lg), at the thumb: the four pages used most, then
 * "More" with the rest of the menu, the creator switcher, settings and sign-out. Hidden while a
 * screen has a bar of its own at the bottom (a conversation's composer, the vault's selection).
 */
export function BottomTabs({ nav, switcher, pathname }: { nav: ShellNav; switcher: SwitcherProps; pathname: string }) {
  const [more, setMore] = useState(false);
  const { tabs, more: rest } = tabsOf(nav);
  const active = activeHref([...nav.primary, ...nav.secondary], pathname);
  const unread = useChatsUnread(switcher.currentCreatorId);
  const inMore = active !== undefined && !tabs.some((t) => t.href === active);
  return (
    <nav
      aria-label="Tabs"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface/95 pb-[env(safe-area-inset-bottom)] backdrop-blur group-has-[[data-replaces-tabs]]/shell:hidden lg:hidden print:hidden"
      data-testid="bottom-tabs"
    >
      <div className="mx-auto flex max-w-xl px-[env(safe-area-inset-left)]">
        {tabs.map((t) => (
          <Tab key={t.href} item={t} active={t.href === active} unread={t.tab?.key === "chats" ? unread : 0} />
        ))}
        <button
          type="button"
          onClick={() => setMore(true)}
          aria-haspopup="dialog"
          aria-expanded={more}
          className={cn(TAB, inMore ? "text-brand-700" : "text-zinc-600")}
          data-testid="tab-more"
        >
          <Ellipsis className="size-6" aria-hidden="true" />
          More
        </button>
      </div>
      <MoreSheet open={more} onOpenChange={setMore} nav={rest} switcher={switcher} active={active} />
    </nav>
  );
}

/** Everything the tabs leave out, as a sheet from the bottom (the thumb's end of the screen). */
function MoreSheet(p: {
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
