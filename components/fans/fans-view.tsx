"use client";

import { CalendarClock, Users } from "lucide-react";
import { Tab, TabList, TabPanel, Tabs } from "@/components/ui/tabs";
import { AnalysisCard } from "./analysis-card";
import { FanTable } from "./fan-table/table";
import { LazyPanelDrawer } from "./lazy-panel";
import { RenewalForecast } from "./renewal-forecast";
import { useFansParams, type FansView as View } from "./use-fans-params";

const TABS: { value: View; label: string }[] = [
  { value: "subscribers", label: "Subscribers" },
  { value: "followers", label: "Followers" },
  { value: "all", label: "All fans" },
  { value: "renewals", label: "Renewals" },
];

type Props = {
  creatorId: string;
  creatorHandle: string;
  canWrite: boolean;
  /** The role reads chats: the fan panel offers "Message". */
  canChat?: boolean;
  insightsAvailable: boolean;
};

/** The Fans section: subscribers/followers tables, segments, the whole-
 * audience analysis, the renewal forecast, and the fan panel. */
export function FansView({ creatorId, creatorHandle, canWrite, canChat = false, insightsAvailable }: Props) {
  const { state, update, apiParams } = useFansParams();
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
          <Users className="size-6 text-brand-700" aria-hidden="true" /> Fans
        </h1>
        <p className="mt-1 text-sm text-muted">
          Everyone subscribed to or following @{creatorHandle}, with what they spend.
          <span className="hidden sm:inline">
            {" "}
            Use ↑ ↓ to move through rows, Enter to open a fan, x to tick one for a list.
          </span>
        </p>
      </div>
      <AnalysisCard creatorId={creatorId} canWrite={canWrite} />
      <Tabs value={state.view} onValueChange={(v) => update({ view: v as View })} className="flex flex-col gap-4">
        <TabList aria-label="Fan lists">
          {TABS.map((t) => (
            <Tab key={t.value} value={t.value} data-testid={`fans-tab-${t.value}`}>
              {t.value === "renewals" ? <CalendarClock className="hidden size-4 sm:block" aria-hidden="true" /> : null}
              {t.label}
            </Tab>
          ))}
        </TabList>
        <TabPanel value={state.view}>
          {state.view === "renewals" ? (
            <RenewalForecast creatorId={creatorId} onOpenFan={(fan) => update({ fan })} />
          ) : (
            <FanTable
              creatorId={creatorId}
              state={state}
              apiParams={apiParams}
              update={update}
              canWrite={canWrite}
              insightsAvailable={insightsAvailable}
            />
          )}
        </TabPanel>
      </Tabs>
      <LazyPanelDrawer
        creatorId={creatorId}
        fanUuid={state.fan || null}
        canWrite={canWrite}
        canMessage={canChat}
        onClose={() => update({ fan: "" })}
      />
    </div>
  );
}
