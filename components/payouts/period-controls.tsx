"use client";

import { RANGE_PRESETS } from "@/components/earnings/controls";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { payoutsUrlSchema } from "@/lib/schemas/payouts";
import type { UrlUpdate } from "@/lib/url-state/use-url-state";
import type { z } from "zod";

type State = z.output<typeof payoutsUrlSchema>;

/** The pay period (last month by default), as the URL holds it. */
export function PeriodControls({ state, update }: { state: State; update: UrlUpdate<typeof payoutsUrlSchema> }) {
  return (
    <>
      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
        Period
        <Select
          value={state.range}
          onChange={(e) => update({ range: e.target.value as State["range"] })}
          data-testid="payouts-range"
        >
          {RANGE_PRESETS.filter(([v]) => v !== "all").map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </label>
      {state.range === "custom" ? (
        <>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            From
            <Input type="date" value={state.from ?? ""} onChange={(e) => update({ from: e.target.value })} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            To
            <Input type="date" value={state.to ?? ""} onChange={(e) => update({ to: e.target.value })} />
          </label>
        </>
      ) : null}
    </>
  );
}

/** The period as the routes take it, in the viewer's zone. */
export const periodQuery = (state: State, tz: string) => ({
  range: state.range,
  tz,
  ...(state.range === "custom" ? { from: state.from, to: state.to } : {}),
});
