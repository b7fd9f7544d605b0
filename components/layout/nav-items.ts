import type { LucideIcon } from "lucide-react";
import {
  Activity,
  Banknote,
  Calendar,
  Clock,
  Images,
  Inbox,
  LayoutDashboard,
  LayoutGrid,
  Link2,
  Megaphone,
  MessagesSquare,
  Repeat,
  TrendingUp,
  Trophy,
  UserCog,
  Users,
  Wallet,
  Zap,
} from "lucide-react";
import { can, type Permission, type Role } from "@/lib/schemas/permissions";

export const NAV_ICONS = {
  Activity,
  Banknote,
  Calendar,
  Clock,
  Images,
  Inbox,
  LayoutDashboard,
  LayoutGrid,
  Link2,
  Megaphone,
  MessagesSquare,
  Repeat,
  TrendingUp,
  Trophy,
  UserCog,
  Users,
  Wallet,
  Zap,
} satisfies Record<string, LucideIcon>;
export type NavIcon = keyof typeof NAV_ICONS;

/** The sidebar's labelled groups of a creator's pages (12 of them would not scan as one list). */
export const NAV_GROUPS = ["Agency", "Money", "Audience", "Messaging", "Content"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The phone's bottom tab bar: these four pages get a tab, the rest sit under "More". */
export const TABS = ["overview", "chats", "fans", "posts"] as const;
export type TabKey = (typeof TABS)[number];

export type NavItem = {
  href: string;
  label: string;
  icon: NavIcon;
  ready: boolean;
  /** The sidebar group it is listed under; none: above the groups (the agency's pages, Overview). */
  group?: NavGroup;
  /** Its tab in the phone's tab bar, with the tab's short label. */
  tab?: { key: TabKey; label: string };
};

type Spec = Omit<NavItem, "href"> & { path: string; permission: Permission };

const section = (path: string, label: string, icon: NavIcon, permission: Permission, group?: NavGroup): Spec => ({
  path,
  label,
  icon,
  permission,
  ready: true,
  ...(group ? { group } : {}),
});
const tab = (spec: Spec, key: TabKey, label: string): Spec => ({ ...spec, tab: { key, label } });

/** Per-creator sections, in their groups; a section the role may not use is not shown at all. */
const CREATOR_SECTIONS: Spec[] = [
  tab(section("", "Overview", "LayoutDashboard", "overview:read"), "overview", "Overview"),
  section("/earnings", "Earnings", "Banknote", "earnings:read", "Money"),
  tab(section("/fans", "Fans", "Users", "fans:read", "Audience"), "fans", "Fans"),
  section("/trends", "Subscriber trends", "TrendingUp", "earnings:read", "Audience"),
  section("/retention", "Retention", "Repeat", "earnings:read", "Audience"),
  section("/links", "Tracking links", "Link2", "earnings:read", "Audience"),
  section("/best-times", "Best times", "Clock", "earnings:read", "Audience"),
  tab(section("/chats", "Chats", "MessagesSquare", "chats:read", "Messaging"), "chats", "Chats"),
  section("/mass-messages", "Mass messages", "Megaphone", "mass:send", "Messaging"),
  section("/automations", "Automations", "Zap", "mass:send", "Messaging"),
  tab(section("/posts", "Posts & queue", "Calendar", "posts:read", "Content"), "posts", "Posts"),
  section("/vault", "Vault", "Images", "vault:read", "Content"),
];

const WORKSPACE_SECTIONS: Spec[] = [
  section("/team", "Team", "UserCog", "team:manage"),
  section("/activity", "Activity", "Activity", "audit:read"),
];

/** Who sold what; a chatter's own figures ("My sales"). */
const performance = (workspaceId: string, role: Role): NavItem => ({
  href: `/w/${workspaceId}/performance`,
  label: can(role, "earnings:read") ? "Performance" : "My sales",
  icon: "Trophy",
  ready: true,
});

/** Pay and shifts; a chatter's own ("My pay"). */
const payouts = (workspaceId: string, role: Role): NavItem => ({
  href: `/w/${workspaceId}/payouts`,
  label: can(role, "earnings:read") ? "Payouts" : "My pay",
  icon: "Wallet",
  ready: true,
});

const build = (specs: Spec[], base: string, role: Role): NavItem[] =>
  specs
    .filter((s) => can(role, s.permission))
    .map(({ path, permission: _, ...item }) => ({ href: base + path, ...item }));

/** The agency's own pages (grouped apart from the open creator's); with no creator open, its overview
 * and team inbox take the phone's tabs. */
function agencyItems(workspaceId: string, role: Role, tabs: boolean): NavItem[] {
  return agencyPages(workspaceId, role, tabs).map((i) => ({ ...i, group: "Agency" }));
}

function agencyPages(workspaceId: string, role: Role, tabs: boolean): NavItem[] {
  const w = `/w/${workspaceId}`;
  const items: NavItem[] = [
    {
      href: w,
      label: "All creators",
      icon: "LayoutGrid",
      ready: true,
      ...(tabs ? { tab: { key: "overview", label: "Creators" } } : {}),
    },
  ];
  if (can(role, "earnings:read"))
    items.push(
      { href: `${w}/earnings`, label: "All earnings", icon: "Banknote", ready: true },
      { href: `${w}/best-times`, label: "All best times", icon: "Clock", ready: true },
      { href: `${w}/retention`, label: "All retention", icon: "Repeat", ready: true },
      { href: `${w}/trends`, label: "All subscriber trends", icon: "TrendingUp", ready: true },
      { href: `${w}/links`, label: "All tracking links", icon: "Link2", ready: true },
    );
  if (can(role, "chats:read"))
    items.push({
      href: `${w}/inbox`,
      label: "Team inbox",
      icon: "Inbox",
      ready: true,
      ...(tabs ? { tab: { key: "chats", label: "Chats" } } : {}),
    });
  items.push(performance(workspaceId, role));
  if (can(role, "payouts:read")) items.push(payouts(workspaceId, role));
  return items;
}

export function navFor(o: {
  creatorId: string | null;
  workspaceId: string;
  workspaceKind: "creator" | "agency";
  role: Role;
}) {
  const primary: NavItem[] = o.workspaceKind === "agency" ? agencyItems(o.workspaceId, o.role, !o.creatorId) : [];
  if (o.creatorId) primary.push(...build(CREATOR_SECTIONS, `/c/${o.creatorId}`, o.role));
  // What the agency takes from this creator (the creator's seat sees it too).
  if (o.creatorId && o.workspaceKind === "agency" && can(o.role, "earnings:read"))
    primary.splice(primary.findIndex((i) => i.label === "Earnings") + 1, 0, {
      href: `/c/${o.creatorId}/agency-share`,
      label: "Agency share",
      icon: "Wallet",
      ready: true,
      group: "Money",
    });
  const secondary = build(WORKSPACE_SECTIONS, `/w/${o.workspaceId}`, o.role);
  // A creator's own workspace lists it with the team pages (it matters once there is a team).
  return {
    primary,
    secondary:
      o.workspaceKind === "agency"
        ? secondary
        : [
            performance(o.workspaceId, o.role),
            ...(can(o.role, "payouts:read") ? [payouts(o.workspaceId, o.role)] : []),
            ...secondary,
          ],
  };
}

export type NavSection = { group: NavGroup | null; items: NavItem[] };

/** The items as the sidebar lists them: each run of one group under its heading (none: no heading). */
export function navSections(items: NavItem[]): NavSection[] {
  const out: NavSection[] = [];
  for (const item of items) {
    const group = item.group ?? null;
    const last = out.at(-1);
    if (last && last.group === group) last.items.push(item);
    else out.push({ group, items: [item] });
  }
  return out;
}

/** The phone's tabs in their fixed order (a page the role may not open has none), then what "More" lists. */
export function tabsOf(nav: { primary: NavItem[]; secondary: NavItem[] }) {
  const tabbed = nav.primary.filter((i) => i.tab && i.ready);
  const tabs = TABS.flatMap((key) => tabbed.filter((i) => i.tab?.key === key).slice(0, 1));
  const onTabs = new Set(tabs.map((t) => t.href));
  return {
    tabs,
    more: { primary: nav.primary.filter((i) => !onTabs.has(i.href)), secondary: nav.secondary },
  };
}

/** The page the path is on: the longest matching href wins, so /c/x/earnings does not also light /c/x. */
export function activeHref(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((i) => i.ready && (pathname === i.href || pathname.startsWith(i.href + "/")))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
