import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One settings section: an anchor (/settings#id), a heading and what it is for, then its body. */
export function SettingsSection(p: { id: string; title: string; description: ReactNode; children?: ReactNode }) {
  return (
    <section id={p.id} aria-labelledby={`${p.id}-title`} className="scroll-mt-24" data-testid={`settings-${p.id}`}>
      <Card className="p-5 sm:p-6">
        <h2 id={`${p.id}-title`} className="text-base font-semibold">
          {p.title}
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-muted">{p.description}</p>
        {p.children ? <div className="mt-5">{p.children}</div> : null}
      </Card>
    </section>
  );
}

export const SETTINGS_SECTIONS = [
  { id: "profile", label: "Profile and zone" },
  { id: "appearance", label: "Appearance" },
  { id: "notifications", label: "Notifications" },
  { id: "fanvue", label: "Fanvue connection" },
  { id: "data", label: "Your data" },
] as const;

/** The sections as anchor links: a column beside them on wide screens, a scrolling row on phones. */
export function SettingsNav() {
  return (
    <nav aria-label="Settings sections" className="min-w-0 lg:sticky lg:top-24 lg:self-start">
      <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 lg:mx-0 lg:flex-col lg:overflow-visible lg:px-0">
        {SETTINGS_SECTIONS.map((s) => (
          <li key={s.id} className="shrink-0">
            <a
              href={`#${s.id}`}
              className="flex min-h-11 items-center rounded-lg px-3 text-sm font-medium whitespace-nowrap text-zinc-700 hover:bg-black/5 hover:text-ink lg:min-h-9"
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
