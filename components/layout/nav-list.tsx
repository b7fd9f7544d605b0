import Link from "next/link";
import { useId } from "react";
import { cn } from "@/lib/utils/cn";
import { LinkPending } from "./link-pending";
import { NAV_ICONS, navSections, type NavItem } from "./nav-items";

/** One page of the menu: a link, or a "Soon" entry that is not one yet. */
export function NavLink({ item, active, onNavigate }: { item: NavItem; active: boolean; onNavigate?: () => void }) {
  const Icon = NAV_ICONS[item.icon];
  const base = "flex items-center gap-3 rounded-lg px-3 py-1.5 text-sm font-medium touch:min-h-11";
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
      onClick={onNavigate}
      className={cn(base, active ? "bg-brand-50 text-brand-800" : "text-zinc-700 hover:bg-black/5 hover:text-ink")}
    >
      <Icon className={cn("size-4", active ? "text-brand-700" : "text-zinc-500")} aria-hidden="true" />
      {item.label}
      <LinkPending />
    </Link>
  );
}

function Section({
  group,
  items,
  active,
  onNavigate,
}: {
  group: string | null;
  items: NavItem[];
  active: string | undefined;
  onNavigate?: () => void;
}) {
  const id = useId();
  return (
    <div role={group ? "group" : undefined} aria-labelledby={group ? id : undefined} className="flex flex-col gap-0.5">
      {group ? (
        <p id={id} className="px-3 pb-0.5 text-[11px] font-semibold tracking-wide text-muted uppercase">
          {group}
        </p>
      ) : null}
      {items.map((item) => (
        <NavLink key={item.href} item={item} active={item.href === active} onNavigate={onNavigate} />
      ))}
    </div>
  );
}

/** The pages in their labelled groups (Money, Audience, …): twelve pages scan as four short lists. */
export function NavSections({
  items,
  active,
  onNavigate,
  className,
}: {
  items: NavItem[];
  active: string | undefined;
  onNavigate?: () => void;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-3", className)}>
      {navSections(items).map((s) => (
        <Section
          key={`${s.group}:${s.items[0]!.href}`}
          group={s.group}
          items={s.items}
          active={active}
          onNavigate={onNavigate}
        />
      ))}
    </div>
  );
}
