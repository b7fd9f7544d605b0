import type { LucideIcon } from "lucide-react";
import {
  Activity,
  Banknote,
  Calendar,
  Images,
  LayoutDashboard,
  Megaphone,
  MessagesSquare,
  Settings,
  UserCog,
  Users,
} from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon; ready: boolean };

/** Sidebar sections. `ready: false` shows the section as coming, without a link. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard, ready: true },
  { href: "/earnings", label: "Earnings", icon: Banknote, ready: false },
  { href: "/fans", label: "Fans", icon: Users, ready: false },
  { href: "/chats", label: "Chats", icon: MessagesSquare, ready: false },
  { href: "/mass-messages", label: "Mass messages", icon: Megaphone, ready: false },
  { href: "/posts", label: "Posts & queue", icon: Calendar, ready: false },
  { href: "/vault", label: "Vault", icon: Images, ready: false },
];

export const NAV_SECONDARY: NavItem[] = [
  { href: "/team", label: "Team", icon: UserCog, ready: false },
  { href: "/activity", label: "Activity", icon: Activity, ready: false },
  { href: "/settings", label: "Settings", icon: Settings, ready: false },
];
