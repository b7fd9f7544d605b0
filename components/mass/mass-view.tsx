"use client";

import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import { oneOf, text, urlSchema } from "@/lib/url-state/fields";
import { useUrlState } from "@/lib/url-state/use-url-state";
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

/** The page's URL: the tab, a campaign's results open, the campaign just created (highlighted). */
const massUrlSchema = urlSchema({
  tab: oneOf(TABS.map((t) => t.id) as Tab[], "new"),
  results: text({ max: 64 }),
  created: text({ max: 64 }),
});

type Props = { creatorId: string; workspaceId: string; handle: string; canWriteLists: boolean };

function View(p: Props) {
  const { state, update } = useUrlState(massUrlSchema);
  const { push } = useToasts();
  const tab: Tab = state.tab;
  const results = state.results ?? null;
  const highlight = state.created ?? null;
  const go = (patch: Partial<Record<"tab" | "results" | "created", string | null>>) =>
    update(
      Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v ?? undefined])) as Parameters<typeof update>[0],
    );
  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Mass messages</h1>
        <p className="mt-1 text-sm text-muted">
          Message many of @{p.handle}&apos;s fans at once, by list. Each one is sent exactly once, even if something
          fails midway.
        </p>
      </header>
      <Tabs value={tab} onValueChange={(v) => go({ tab: v, created: null })}>
        <TabList aria-label="Mass messages">
          {TABS.map((t) => (
            <Tab key={t.id} value={t.id}>
              {t.label}
            </Tab>
          ))}
        </TabList>
        <TabPanel value="new" className="mt-4">
          <MassComposer
            creatorId={p.creatorId}
            onCreated={(c) => {
              push({
                title: c.scheduledAt ? "Scheduled" : "Recorded: sending now",
                body: "Follow it in Queue & history.",
                tone: "success",
              });
              go({ tab: "history", created: c.id });
            }}
          />
        </TabPanel>
        <TabPanel value="history" className="mt-4">
          <CampaignList creatorId={p.creatorId} highlight={highlight} onResults={(id) => go({ results: id })} />
        </TabPanel>
        <TabPanel value="lists" className="mt-4">
          <ListsManager creatorId={p.creatorId} canWrite={p.canWriteLists} />
        </TabPanel>
      </Tabs>
      <CampaignResults creatorId={p.creatorId} id={results} onClose={() => go({ results: null })} />
    </div>
  );
}

/** Live updates and toasts come from the dashboard frame (LiveFrame). */
export function MassView(p: Props) {
  return <View {...p} />;
}
