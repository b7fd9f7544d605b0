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

export type NavItem = { href: string; label: string; icon: NavIcon; ready: boolean };

type Spec = { path: string; label: string; icon: NavIcon; permission: Permission; ready: boolean };

/** Per-creator sections; a section the role may not use is not shown at all. */
const CREATOR_SECTIONS: Spec[] = [
  { path: "", label: "Overview", icon: "LayoutDashboard", permission: "overview:read", ready: true },
  { path: "/earnings", label: "Earnings", icon: "Banknote", permission: "earnings:read", ready: true },
  { path: "/best-times", label: "Best times", icon: "Clock", permission: "earnings:read", ready: true },
  { path: "/retention", label: "Retention", icon: "Repeat", permission: "earnings:read", ready: true },
  { path: "/trends", label: "Subscriber trends", icon: "TrendingUp", permission: "earnings:read", ready: true },
  { path: "/links", label: "Tracking links", icon: "Link2", permission: "earnings:read", ready: true },
  { path: "/fans", label: "Fans", icon: "Users", permission: "fans:read", ready: true },
  { path: "/chats", label: "Chats", icon: "MessagesSquare", permission: "chats:read", ready: true },
  { path: "/mass-messages", label: "Mass messages", icon: "Megaphone", permission: "mass:send", ready: true },
  { path: "/automations", label: "Automations", icon: "Zap", permission: "mass:send", ready: true },
  { path: "/posts", label: "Posts & queue", icon: "Calendar", permission: "posts:read", ready: true },
  { path: "/vault", label: "Vault", icon: "Images", permission: "vault:read", ready: true },
];

const WORKSPACE_SECTIONS: Spec[] = [
  { path: "/team", label: "Team", icon: "UserCog", permission: "team:manage", ready: true },
  { path: "/activity", label: "Activity", icon: "Activity", permission: "audit:read", ready: true },
];

/** Who sold what; a chatter's own figures ("My sales"). */
const performance = (workspaceId: string, role: Role): NavItem => ({
  href: `/w/${workspaceId}/performance`,
  label: can(role, "earnings:read") ? "Performance" : "My sales",
  icon: "Trophy",
  ready: true,
});

/** Pay and shifts; a chatter sees only their own. */
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
    .map((s) => ({ href: base + s.path, label: s.label, icon: s.icon, ready: s.ready }));

export function navFor(o: {
  creatorId: string | null;
  workspaceId: string;
  workspaceKind: "creator" | "agency";
  role: Role;
}) {
  const primary: NavItem[] = [];
  if (o.workspaceKind === "agency") {
    primary.push({ href: `/w/${o.workspaceId}`, label: "All creators", icon: "LayoutGrid", ready: true });
    if (can(o.role, "earnings:read"))
      primary.push(
        { href: `/w/${o.workspaceId}/earnings`, label: "All earnings", icon: "Banknote", ready: true },
        { href: `/w/${o.workspaceId}/best-times`, label: "All best times", icon: "Clock", ready: true },
        { href: `/w/${o.workspaceId}/retention`, label: "All retention", icon: "Repeat", ready: true },
        { href: `/w/${o.workspaceId}/trends`, label: "All subscriber trends", icon: "TrendingUp", ready: true },
        { href: `/w/${o.workspaceId}/links`, label: "All tracking links", icon: "Link2", ready: true },
      );
    if (can(o.role, "chats:read"))
      primary.push({ href: `/w/${o.workspaceId}/inbox`, label: "Team inbox", icon: "Inbox", ready: true });
    primary.push(performance(o.workspaceId, o.role));
    if (can(o.role, "payouts:read")) primary.push(payouts(o.workspaceId, o.role));
  }
  if (o.creatorId) primary.push(...build(CREATOR_SECTIONS, `/c/${o.creatorId}`, o.role));
  // What the agency takes from this creator (the creator's seat sees it too).
  if (o.creatorId && o.workspaceKind === "agency" && can(o.role, "earnings:read"))
    primary.splice(primary.findIndex((i) => i.label === "Earnings") + 1, 0, {
      href: `/c/${o.creatorId}/agency-share`,
      label: "Agency share",
      icon: "Wallet",
      ready: true,
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
