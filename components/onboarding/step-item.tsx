"use client";

import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import { isIos, openCommandPalette, type useInstall } from "./device-state";
import type { Step, StepId } from "./steps";

type Install = ReturnType<typeof useInstall>;
type Ctx = { workspaceId: string; install: Install; zone: string; ios: boolean; mac: boolean };

const noop = () => () => {};
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

function LinkAction({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button asChild variant="secondary" size="sm">
      <Link href={href}>{children}</Link>
    </Button>
  );
}

/** Each step's words, and what takes the person there. */
const CONTENT: Record<StepId, (c: Ctx) => { title: string; text: string; action: ReactNode }> = {
  zone: (c) => ({
    title: "Set your time zone",
    text: `Days, charts and times follow it on every device. Until you choose, this device's zone (${c.zone}) is used.`,
    action: <LinkAction href="/settings#profile">Choose zone</LinkAction>,
  }),
  notifications: () => ({
    title: "Turn on notifications on this device",
    text: "Hear about tips, new subscribers and fans waiting for an answer while Vuedeck is closed.",
    action: <LinkAction href="/settings#notifications">Set up notifications</LinkAction>,
  }),
  team: (c) => ({
    title: "Invite your team",
    text: "Chatters, managers and viewers, each with only the access their work needs.",
    action: <LinkAction href={`/w/${c.workspaceId}/team`}>Invite people</LinkAction>,
  }),
  palette: (c) => ({
    title: "Try the command palette",
    text: `Press ${c.mac ? "⌘ K" : "Ctrl K"} (or Search at the top) to jump to any page, creator or fan.`,
    action: (
      <Button variant="secondary" size="sm" onClick={openCommandPalette} data-testid="getting-started-open-palette">
        Open the palette
      </Button>
    ),
  }),
  install: (c) => ({
    title: "Install Vuedeck on your phone or desktop",
    text: c.install.canPrompt
      ? "It opens in its own window, with the unread count on its icon."
      : c.ios
        ? "In Safari, tap Share, then Add to Home Screen."
        : "On iPhone: Share → Add to Home Screen. In Chrome or Edge: Install in the address bar or the browser's menu.",
    action: c.install.canPrompt ? (
      <Button variant="secondary" size="sm" onClick={() => void c.install.install()}>
        Install
      </Button>
    ) : null,
  }),
};

export function StepItem(p: { step: Step; workspaceId: string; install: Install; zone: string }) {
  const ios = useSyncExternalStore(noop, isIos, () => false);
  const mac = useSyncExternalStore(noop, isMac, () => false);
  const { title, text, action } = CONTENT[p.step.id]({ ...p, ios, mac });
  const done = p.step.done;
  return (
    <li
      className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 py-3 first:pt-0 last:pb-0 sm:grid-cols-[auto_1fr_auto] sm:items-center"
      data-testid={`getting-started-${p.step.id}`}
      data-done={done}
    >
      {done ? (
        <CheckCircle2 className="size-5 self-start text-brand-600 sm:self-center" aria-hidden="true" />
      ) : (
        <Circle className="size-5 self-start text-muted sm:self-center" aria-hidden="true" />
      )}
      <div className="min-w-0">
        <p className={cn("text-sm font-medium", done ? "text-muted" : "text-ink")}>
          <span className="sr-only">{done ? "Done: " : "To do: "}</span>
          {title}
        </p>
        {done ? null : <p className="mt-0.5 text-sm text-muted">{text}</p>}
      </div>
      {!done && action ? <div className="col-start-2 sm:col-start-3">{action}</div> : null}
    </li>
  );
}
