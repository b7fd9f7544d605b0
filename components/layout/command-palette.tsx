"use client";

import { useQuery } from "@tanstack/react-query";
import { Bell, Keyboard, LogOut, MessageCircle, Monitor, Moon, PenSquare, Settings, Sun, User } from "lucide-react";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useRecordPaletteOpened } from "@/components/onboarding/device-state";
import { Avatar } from "@/components/ui/avatar";
import { useChooseTheme } from "@/components/viewer/use-choose-theme";
import { CommandDialog, CommandEmpty, CommandGroup, CommandItem, Kbd } from "@/components/ui/command";
import { fansList } from "@/lib/contracts/client/fans";
import { callApi } from "@/lib/queries/call";
import { goTargets } from "@/lib/utils/shortcuts";
import type { SwitcherProps } from "./creator-switcher";
import { NAV_ICONS, type NavItem } from "./nav-items";

// ⌘K / Ctrl+K: jump to any page of the menu, any creator the member may see,
// or a fan of the open creator by name or handle (our roster's search: Fanvue
// has none), straight to their profile or their chat.

/** Fans of the open creator matching what was typed (from 2 characters, after a pause in typing). */
function useFanMatches(creatorId: string | null, search: string) {
  const [q, setQ] = useState(search);
  useEffect(() => {
    const t = setTimeout(() => setQ(search.trim()), 200);
    return () => clearTimeout(t);
  }, [search]);
  return useQuery({
    queryKey: ["creators", creatorId, "fans", "palette", q],
    queryFn: () =>
      callApi(fansList, {
        params: { creatorId: creatorId! },
        query: new URLSearchParams({ list: "all", search: q, size: "5", sort: "recent" }),
      }),
    enabled: Boolean(creatorId) && q.length >= 2,
    staleTime: 30_000,
  });
}

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  nav: { primary: NavItem[]; secondary: NavItem[] };
  switcher: SwitcherProps;
  onShortcuts: () => void;
  initialSearch?: string;
};

export function CommandPalette({ open, onOpenChange, nav, switcher, onShortcuts, initialSearch = "" }: Props) {
  const router = useRouter();
  useRecordPaletteOpened(open);
  // What was typed after ⌘K before this code had loaded (app-shell keeps it).
  const [search, setSearch] = useState(initialSearch);
  const items = [...nav.primary, ...nav.secondary].filter((i) => i.ready);
  const letters = new Map(goTargets(items).map((t) => [t.href, t.letter]));
  const creatorId = switcher.currentCreatorId;
  const canSearchFans = Boolean(creatorId && items.some((i) => i.href === `/c/${creatorId}/fans`));
  const fans = useFanMatches(canSearchFans ? creatorId : null, search);
  const go = (href: string) => {
    onOpenChange(false);
    setSearch("");
    router.push(href);
  };
  return (
    <CommandDialog
      open={open}
      onOpenChange={onOpenChange}
      label="Search Vuedeck"
      search={search}
      onSearch={setSearch}
      placeholder={canSearchFans ? "Pages, creators, fans by name or @handle…" : "Pages and creators…"}
    >
      <CommandEmpty>{fans.isFetching ? "Searching fans…" : "Nothing matches."}</CommandEmpty>
      <CommandGroup heading="Go to">
        {items.map((i) => {
          const Icon = NAV_ICONS[i.icon];
          const letter = letters.get(i.href);
          return (
            <CommandItem
              key={i.href}
              value={`page ${i.label}`}
              onSelect={() => go(i.href)}
              icon={<Icon className="size-4" aria-hidden="true" />}
              hint={letter ? <Kbd>g {letter}</Kbd> : null}
            >
              {i.label}
            </CommandItem>
          );
        })}
      </CommandGroup>
      <CreatorItems switcher={switcher} go={go} />
      <FanItems rows={fans.data?.rows} creatorId={creatorId} search={search} go={go} />
      <ActionItems creatorId={creatorId} items={items} go={go} close={() => onOpenChange(false)} />
      <CommandGroup heading="Help">
        <CommandItem
          value="keyboard shortcuts help"
          onSelect={() => (onOpenChange(false), onShortcuts())}
          icon={<Keyboard className="size-4" aria-hidden="true" />}
          hint={<Kbd>?</Kbd>}
        >
          Keyboard shortcuts
        </CommandItem>
      </CommandGroup>
    </CommandDialog>
  );
}

function CreatorItems({ switcher, go }: { switcher: SwitcherProps; go: (href: string) => void }) {
  const others = switcher.creators.filter((c) => c.id !== switcher.currentCreatorId);
  if (!others.length) return null;
  return (
    <CommandGroup heading="Creators">
      {others.map((c) => (
        <CommandItem
          key={c.id}
          value={`creator ${c.displayName} ${c.handle}`}
          onSelect={() => go(`/c/${c.id}`)}
          icon={<Avatar name={c.displayName} src={c.avatarUrl} size="sm" className="size-6 text-[10px]" />}
          hint={`@${c.handle}`}
        >
          {c.displayName}
        </CommandItem>
      ))}
    </CommandGroup>
  );
}

const THEMES = [
  { value: "dark", label: "Dark theme", Icon: Moon },
  { value: "light", label: "Light theme", Icon: Sun },
  { value: "system", label: "Theme from this device", Icon: Monitor },
] as const;

/** Things to do rather than places to go: write a post, settings, the theme, sign out. */
function ActionItems(p: { creatorId: string | null; items: NavItem[]; go: (href: string) => void; close: () => void }) {
  const theme = useChooseTheme();
  const canPost = Boolean(p.creatorId && p.items.some((i) => i.href === `/c/${p.creatorId}/posts`));
  return (
    <CommandGroup heading="Actions">
      {canPost ? (
        <CommandItem
          value="action new post write compose schedule"
          onSelect={() => p.go(`/c/${p.creatorId}/posts/new`)}
          icon={<PenSquare className="size-4" aria-hidden="true" />}
        >
          New post
        </CommandItem>
      ) : null}
      <CommandItem
        value="action settings account profile zone connection"
        onSelect={() => p.go("/settings")}
        icon={<Settings className="size-4" aria-hidden="true" />}
      >
        Settings
      </CommandItem>
      <CommandItem
        value="action notifications push alerts"
        onSelect={() => p.go("/settings#notifications")}
        icon={<Bell className="size-4" aria-hidden="true" />}
      >
        Notification settings
      </CommandItem>
      {THEMES.filter((t) => t.value !== theme.choice).map(({ value, label, Icon }) => (
        <CommandItem
          key={value}
          value={`action theme appearance ${label}`}
          onSelect={() => (p.close(), void theme.choose(value))}
          icon={<Icon className="size-4" aria-hidden="true" />}
          data-testid={`palette-theme-${value}`}
        >
          {label}
        </CommandItem>
      ))}
      <CommandItem
        value="action sign out log out"
        onSelect={() => (p.close(), void signOut({ redirectTo: "/sign-in" }))}
        icon={<LogOut className="size-4" aria-hidden="true" />}
      >
        Sign out
      </CommandItem>
    </CommandGroup>
  );
}

type FanRow = NonNullable<ReturnType<typeof useFanMatches>["data"]>["rows"][number];

/** Each matching fan twice: their profile and their chat. */
function FanItems(p: {
  rows: FanRow[] | undefined;
  creatorId: string | null;
  search: string;
  go: (href: string) => void;
}) {
  const { rows, creatorId, search, go } = p;
  if (!rows?.length) return null;
  return (
    <CommandGroup heading="Fans">
      {rows.flatMap((f) => [
        <CommandItem
          key={`${f.uuid}:profile`}
          value={`fan ${f.handle} ${f.displayName ?? ""} ${f.nickname ?? ""} profile`}
          keywords={[search]}
          onSelect={() => go(`/c/${creatorId}/fans?fan=${f.uuid}`)}
          icon={<User className="size-4" aria-hidden="true" />}
          hint="Profile"
        >
          {f.displayName ?? f.handle} <span className="text-muted">@{f.handle}</span>
        </CommandItem>,
        <CommandItem
          key={`${f.uuid}:chat`}
          value={`fan ${f.handle} ${f.displayName ?? ""} ${f.nickname ?? ""} chat message`}
          keywords={[search]}
          onSelect={() => go(`/c/${creatorId}/chats?chat=${f.uuid}`)}
          icon={<MessageCircle className="size-4" aria-hidden="true" />}
          hint="Chat"
        >
          Message @{f.handle}
        </CommandItem>,
      ])}
    </CommandGroup>
  );
}
