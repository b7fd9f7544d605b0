"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Tabs } from "radix-ui";
import { useToasts } from "@/components/chats/toaster";
import { CampaignList } from "./campaign-list";
import { CampaignResults } from "./campaign-results";
import { ListsManager } from "./lists-manager";
import { MassComposer } from "./mass-composer";

const TABS = [
  { id: "new", label: "New mass message" },
  { id: "history", label: "Queue & history" },
  { id: "lists", label: "Lists" },
] as const;
type Tab = (typeof TABS)[number]["id"];

type Props = { creatorId: string; workspaceId: string; handle: string; canWriteLists: boolean };

function View(p: Props) {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const { push } = useToasts();
  const tab = (TABS.find((t) => t.id === sp.get("tab"))?.id ?? "new") as Tab;
  const results = sp.get("results");
  const highlight = sp.get("created");
  const go = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(sp.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    router.replace(`${pathname}?${next}`, { scroll: false });
  };
  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Mass messages</h1>
        <p className="mt-1 text-sm text-muted">Message many of @{p.handle}&apos;s fans at once, by list. Each one is sent exactly once, even if something fails midway.</p>
      </header>
      <Tabs.Root value={tab} onValueChange={(v) => go({ tab: v, created: null })}>
        <Tabs.List className="inline-flex max-w-full gap-1 overflow-x-auto rounded-xl border border-line bg-surface p-1" aria-label="Mass messages">
          {TABS.map((t) => (
            <Tabs.Trigger key={t.id} value={t.id} className="shrink-0 rounded-lg px-3 py-1.5 text-sm font-medium text-muted data-[state=active]:bg-brand-50 data-[state=active]:text-brand-800">
              {t.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="new" className="mt-4">
          <MassComposer
            creatorId={p.creatorId}
            onCreated={(c) => {
              push({ title: c.scheduledAt ? "Scheduled" : "Recorded: sending now", body: "Follow it in Queue & history.", tone: "success" });
              go({ tab: "history", created: c.id });
            }}
          />
        </Tabs.Content>
        <Tabs.Content value="history" className="mt-4">
          <CampaignList creatorId={p.creatorId} highlight={highlight} onResults={(id) => go({ results: id })} />
        </Tabs.Content>
        <Tabs.Content value="lists" className="mt-4">
          <ListsManager creatorId={p.creatorId} canWrite={p.canWriteLists} />
        </Tabs.Content>
      </Tabs.Root>
      <CampaignResults creatorId={p.creatorId} id={results} onClose={() => go({ results: null })} />
    </div>
  );
}

/** Live updates and toasts come from the dashboard frame (LiveFrame). */
export function MassView(p: Props) {
  return <View {...p} />;
}
