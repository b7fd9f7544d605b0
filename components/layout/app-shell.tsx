"use client";

import { Menu, Search, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Kbd } from "@/components/ui/command";
import { cn } from "@/lib/utils/cn";
import { CommandPalette } from "./command-palette";
import { CreatorSwitcher, type SwitcherProps } from "./creator-switcher";
import { ShortcutsDialog, useKeyboard } from "./keyboard";
import { Logo } from "./logo";
import { NAV_ICONS, type NavItem } from "./nav-items";
import { UserMenu, type ShellUser } from "./user-menu";

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const Icon = NAV_ICONS[item.icon];
  const base = "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium";
  if (!item.ready) {
    return (
      <span
        className={cn(base, "cursor-default text-zinc-400")}
        aria-disabled="true"
        title={`${item.label} is coming soon`}
      >
        <Icon className="size-4" aria-hidden="true" />
        <span className="flex-1">{item.label}</span>
        <span className="text-[10px] font-semibold tracking-wide text-zinc-400 uppercase">Soon</span>
      </span>
    );
  }
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(base, active ? "bg-brand-50 text-brand-800" : "text-zinc-700 hover:bg-black/5 hover:text-ink")}
    >
      <Icon className={cn("size-4", active ? "text-brand-700" : "text-zinc-500")} aria-hidden="true" />
      {item.label}
    </Link>
  );
}

export type ShellNav = { primary: NavItem[]; secondary: NavItem[] };

function Sidebar({ pathname, nav, switcher }: { pathname: string; nav: ShellNav; switcher: SwitcherProps }) {
  // The longest matching href wins, so /c/x/earnings does not also light /c/x.
  const all = [...nav.primary, ...nav.secondary].filter((i) => i.ready);
  const active = all
    .filter((i) => pathname === i.href || pathname.startsWith(i.href + "/"))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Main" className="flex h-full flex-col gap-5 px-3 py-4">
      <Link href="/" className="flex items-center gap-2 px-3">
        <Logo className="size-7" />
        <span className="text-lg font-semibold tracking-tight">Vuedeck</span>
      </Link>
      <CreatorSwitcher {...switcher} />
      <div className="flex flex-col gap-0.5">
        {nav.primary.map((item) => (
          <NavLink key={item.href} item={item} active={item.href === active} />
        ))}
      </div>
      {nav.secondary.length ? (
        <div className="mt-auto flex flex-col gap-0.5 border-t border-line pt-4">
          {nav.secondary.map((item) => (
            <NavLink key={item.href} item={item} active={item.href === active} />
          ))}
        </div>
      ) : null}
    </nav>
  );
}

/** The menu on phones and tablets: the sidebar over the page. */
function MobileMenu(p: { onClose: () => void; pathname: string; nav: ShellNav; switcher: SwitcherProps }) {
  const { onClose, pathname, nav, switcher } = p;
  return (
    <div className="fixed inset-0 z-40 lg:hidden" role="dialog" aria-modal="true" aria-label="Menu">
      <button type="button" className="absolute inset-0 bg-black/30" aria-label="Close menu" onClick={onClose} />
      <aside className="absolute inset-y-0 left-0 w-72 max-w-[85vw] overflow-y-auto bg-surface shadow-xl">
        <button
          type="button"
          onClick={onClose}
          className="absolute top-4 right-3 rounded-lg p-2 hover:bg-black/5"
          aria-label="Close menu"
        >
          <X className="size-5" aria-hidden="true" />
        </button>
        <Sidebar pathname={pathname} nav={nav} switcher={switcher} />
      </aside>
    </div>
  );
}

type Props = {
  user: ShellUser;
  nav: ShellNav;
  switcher: SwitcherProps;
  isSandbox: boolean;
  banner?: ReactNode;
  children: ReactNode;
};

/** The palette and the keyboard map, and the keys that open them. */
function useCommands(nav: ShellNav) {
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const items = [...nav.primary, ...nav.secondary];
  useKeyboard({ items, onPalette: () => setPalette(true), onHelp: () => setHelp(true), paused: palette || help });
  return { palette, setPalette, help, setHelp, items };
}

function SearchButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label="Search"
      aria-keyshortcuts="Control+K Meta+K"
      data-testid="open-palette"
      className="flex min-h-11 items-center gap-2 rounded-lg px-2.5 text-sm text-muted hover:bg-black/5 sm:border sm:border-line sm:bg-surface sm:px-3"
    >
      <Search className="size-4" aria-hidden="true" />
      <span className="hidden sm:inline">Search</span>
      <span className="hidden sm:inline-flex">
        <Kbd>Ctrl K</Kbd>
      </span>
    </button>
  );
}

export function AppShell({ user, nav, switcher, isSandbox, banner, children }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const commands = useCommands(nav);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[248px_1fr] print:block">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-surface px-4 py-3 text-sm font-medium shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside className="hidden border-r border-line bg-surface lg:sticky lg:top-0 lg:block lg:h-dvh print:hidden">
        <Sidebar pathname={pathname} nav={nav} switcher={switcher} />
      </aside>
      {open ? <MobileMenu onClose={() => setOpen(false)} pathname={pathname} nav={nav} switcher={switcher} /> : null}
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-line bg-surface/90 px-4 backdrop-blur sm:px-6 print:hidden">
          <button
            type="button"
            className="-ml-1 rounded-lg p-2 hover:bg-black/5 lg:hidden"
            aria-label="Open menu"
            onClick={() => setOpen(true)}
          >
            <Menu className="size-5" aria-hidden="true" />
          </button>
          <div className="min-w-0 flex-1 lg:hidden">
            <CreatorSwitcher {...switcher} compact />
          </div>
          <div className="hidden flex-1 lg:block" />
          <SearchButton onClick={() => commands.setPalette(true)} />
          {isSandbox ? (
            <Badge
              tone="info"
              data-testid="sandbox-badge"
              title="Demo mode: data comes from the local Fanvue sandbox"
              className="hidden sm:inline-flex"
            >
              Sandbox data
            </Badge>
          ) : null}
          <UserMenu user={user} />
        </header>
        {banner}
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none sm:px-6 lg:py-8"
        >
          {children}
        </main>
      </div>
      <CommandPalette
        open={commands.palette}
        onOpenChange={commands.setPalette}
        nav={nav}
        switcher={switcher}
        onShortcuts={() => commands.setHelp(true)}
      />
      <ShortcutsDialog open={commands.help} onOpenChange={commands.setHelp} items={commands.items} />
    </div>
  );
}
