"use client";

import { DateInputs, RangeSelect } from "@/components/earnings/controls";
import type { payoutsUrlSchema } from "@/lib/schemas/payouts";
import type { UrlUpdate } from "@/lib/url-state/use-url-state";
import type { UrlState } from "@/lib/url-state/fields";

type State = UrlState<typeof payoutsUrlSchema>;

/** The pay period (last month by default), as the URL holds it. */
export function PeriodControls({ state, update }: { state: State; update: UrlUpdate<typeof payoutsUrlSchema> }) {
  return (
    <>
      <RangeSelect
        label="Period"
        value={state.range}
        onChange={(range) => update({ range })}
        testId="payouts-range"
        omit={["all"]}
      />
      {state.range === "custom" ? <DateInputs from={state.from} to={state.to} onChange={update} /> : null}
    </>
  );
}

/** The period as the routes take it, in the viewer's zone. */
export const periodQuery = (state: State, tz: string) => ({
  range: state.range,
  tz,
  ...(state.range === "custom" ? { from: state.from, to: state.to } : {}),
});
