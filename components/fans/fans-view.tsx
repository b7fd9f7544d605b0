"use client";

import { CalendarClock, Users } from "lucide-react";
import { Tabs } from "radix-ui";
import { cn } from "@/lib/utils/cn";
import { AnalysisCard } from "./analysis-card";
import { FanTable } from "./fan-table/table";
import { PanelDrawer } from "./panel-drawer";
import { RenewalForecast } from "./renewal-forecast";
import { useFansParams, type FansView as View } from "./use-fans-params";

const TABS: { value: View; label: string }[] = [
  { value: "subscribers", label: "Subscribers" },
  { value: "followers", label: "Followers" },
  { value: "all", label: "All fans" },
  { value: "renewals", label: "Renewals" },
];

type Props = { creatorId: string; creatorHandle: string; canWrite: boolean; insightsAvailable: boolean };

/** The Fans section: subscribers/followers tables, segments, the whole-
 * audience analysis, the renewal forecast, and the fan panel. */
export function FansView({ creatorId, creatorHandle, canWrite, insightsAvailable }: Props) {
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
      <Tabs.Root value={state.view} onValueChange={(v) => update({ view: v as View })} className="flex flex-col gap-4">
        <Tabs.List
          aria-label="Fan lists"
          className="flex w-full gap-1 overflow-x-auto rounded-xl border border-line bg-surface p-1 shadow-sm sm:w-fit"
        >
          {TABS.map((t) => (
            <Tabs.Trigger
              key={t.value}
              value={t.value}
              data-testid={`fans-tab-${t.value}`}
              className={cn(
                "flex shrink-0 items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-zinc-600 hover:text-ink sm:px-3",
                "data-[state=active]:bg-brand-50 data-[state=active]:text-brand-800",
              )}
            >
              {t.value === "renewals" ? <CalendarClock className="hidden size-4 sm:block" aria-hidden="true" /> : null}
              {t.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value={state.view} className="outline-none">
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
        </Tabs.Content>
      </Tabs.Root>
      <PanelDrawer
        creatorId={creatorId}
        fanUuid={state.fan || null}
        canWrite={canWrite}
        onClose={() => update({ fan: "" })}
      />
    </div>
  );
}
