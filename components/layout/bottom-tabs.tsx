"use client";

import { Ellipsis } from "lucide-react";
import Link from "next/link";
import { LinkPending } from "./link-pending";
import { useState } from "react";
import dynamic from "next/dynamic";
import { useUnreadByCreator } from "@/lib/queries/creators";
import { cn } from "@/lib/utils/cn";
import { formatCount } from "@/lib/utils/format";
import { totalUnread } from "@/lib/utils/unread-title";
import type { SwitcherProps } from "./creator-switcher";
import { activeHref, NAV_ICONS, tabsOf, type NavItem } from "./nav-items";
import type { ShellNav } from "./app-shell";
import { useOpenedOnce } from "./use-opened-once";

// The "More" sheet (Radix dialog) loads the first time it opens, not with every page.
const MoreSheet = dynamic(() => import("./more-sheet").then((m) => m.MoreSheet), { ssr: false });

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
      <LinkPending className="absolute inset-x-4 top-0 h-0.5 rounded-full" />
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
  const moreUsed = useOpenedOnce(more);
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
      {moreUsed ? (
        <MoreSheet open={more} onOpenChange={setMore} nav={rest} switcher={switcher} active={active} />
      ) : null}
    </nav>
  );
}
