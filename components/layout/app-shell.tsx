"use client";

import { Search } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import dynamic from "next/dynamic";
import { Kbd } from "@/components/ui/kbd";
import { CreatorSwitcher, type SwitcherProps } from "./creator-switcher";
import { useKeyboard } from "./keyboard";
import { useOpenedOnce } from "./use-opened-once";
import { Logo } from "./logo";
import { BottomTabs } from "./bottom-tabs";
import { activeHref, type NavItem } from "./nav-items";
import { NavLink, NavSections } from "./nav-list";
import { UserMenu, type ShellUser } from "./user-menu";

// The palette (cmdk) loads once the page is idle, the keyboard map (Radix dialog) the first time it
// opens: not with every page's first JS. Both stay mounted afterwards (close animation, state).
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });
const ShortcutsDialog = dynamic(() => import("./shortcuts-dialog").then((m) => m.ShortcutsDialog), { ssr: false });

export type ShellNav = { primary: NavItem[]; secondary: NavItem[] };

function Sidebar({ pathname, nav, switcher }: { pathname: string; nav: ShellNav; switcher: SwitcherProps }) {
  const active = activeHref([...nav.primary, ...nav.secondary], pathname);
  return (
    <nav aria-label="Main" className="flex h-full flex-col gap-4 overflow-y-auto px-3 py-4">
      <Link href="/" className="flex items-center gap-2 px-3">
        <Logo className="size-7" />
        <span className="text-lg font-semibold tracking-tight">Vuedeck</span>
      </Link>
      <CreatorSwitcher {...switcher} />
      <NavSections items={nav.primary} active={active} />
      {nav.secondary.length ? (
        <div className="mt-auto flex flex-col gap-0.5 border-t border-line pt-3">
          {nav.secondary.map((item) => (
            <NavLink key={item.href} item={item} active={item.href === active} />
          ))}
        </div>
      ) : null}
    </nav>
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
      aria-keyshortcuts="Control+K Meta+K"
      data-testid="open-palette"
      className="flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg px-2.5 text-sm text-muted hover:bg-black/5 sm:border sm:border-line sm:bg-surface sm:px-3"
    >
      <Search className="size-4" aria-hidden="true" />
      <span className="sr-only sm:not-sr-only">Search</span>
      <span className="hidden sm:inline-flex" aria-hidden="true">
        <Kbd>Ctrl K</Kbd>
      </span>
    </button>
  );
}

/** The text typed while `active` (the palette asked for, its code still loading). */
function useTypedWhile(active: boolean) {
  const [typed, setTyped] = useState("");
  useEffect(() => {
    if (!active) return;
    setTyped("");
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key.length === 1) setTyped((t) => t + e.key);
      else if (e.key === "Backspace") setTyped((t) => t.slice(0, -1));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active]);
  return typed;
}

export function AppShell({ user, nav, switcher, isSandbox, banner, children }: Props) {
  const pathname = usePathname();
  const commands = useCommands(nav);
  const paletteUsed = useOpenedOnce(commands.palette);
  const helpUsed = useOpenedOnce(commands.help);
  // ⌘K is followed by typing at once: the palette's code (not in the page's first JS) is fetched
  // right after the page starts and the palette mounted (closed) as soon as it is in; keys typed
  // after ⌘K while it is still on its way are kept and become its search.
  const [paletteReady, setPaletteReady] = useState(false);
  useEffect(() => void import("./command-palette").then(() => setPaletteReady(true)), []);
  const typedEarly = useTypedWhile(commands.palette && !paletteReady);

  return (
    // Below lg the tab bar sits at the bottom: --tabbar is its height (content ends above it), and
    // --header the sticky header's. A screen with a bar of its own at the bottom (data-replaces-tabs)
    // hides the tabs; a phone's conversation (data-phone-fullscreen) the header too: one header, the
    // composer at the thumb.
    <div
      className={
        "group/shell min-h-dvh [--header:4rem] [--tabbar:calc(3.5rem_+_env(safe-area-inset-bottom))] " +
        "has-[[data-replaces-tabs]]:[--tabbar:0px] lg:grid lg:grid-cols-[248px_1fr] lg:[--tabbar:0px] " +
        "max-lg:has-[[data-phone-fullscreen]]:[--header:0px] print:block"
      }
    >
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-surface px-4 py-3 text-sm font-medium shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:min-h-11 focus:px-4 focus:py-3"
      >
        Skip to content
      </a>
      <aside className="hidden border-r border-line bg-surface lg:sticky lg:top-0 lg:block lg:h-dvh print:hidden">
        <Sidebar pathname={pathname} nav={nav} switcher={switcher} />
      </aside>
      <div className="flex min-w-0 flex-col pr-[env(safe-area-inset-right)] pb-(--tabbar) pl-[env(safe-area-inset-left)] print:p-0">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-line bg-surface/90 px-4 backdrop-blur group-has-[[data-phone-fullscreen]]/shell:max-lg:hidden sm:px-6 print:hidden">
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
      <BottomTabs nav={nav} switcher={switcher} pathname={pathname} />
      {paletteReady || paletteUsed ? (
        <CommandPalette
          open={commands.palette}
          onOpenChange={commands.setPalette}
          nav={nav}
          switcher={switcher}
          onShortcuts={() => commands.setHelp(true)}
          initialSearch={typedEarly}
        />
      ) : null}
      {helpUsed ? (
        <ShortcutsDialog open={commands.help} onOpenChange={commands.setHelp} items={commands.items} />
      ) : null}
    </div>
  );
}
