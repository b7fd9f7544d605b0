"use client";

import { CHART } from "@/components/charts/colors";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { useFormat } from "@/components/viewer/viewer";
import type { AutoRenewPoint, SubscriberTrends } from "@/lib/schemas/subscriber-trends";
import { formatCount } from "@/lib/utils/format";

// The share of subscribers with auto-renew off, from the day Vuedeck began
// recording it (Fanvue keeps no history): one point per day.

const pct = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload: AutoRenewPoint }[] }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="rounded-lg border border-line bg-surface p-3 text-xs shadow-lg">
      <p className="mb-1 font-semibold">{p.day} (UTC)</p>
      <p>
        {p.share === null ? "—" : pct(p.share)} auto-renew off: {formatCount(p.autoRenewOff)} of {formatCount(p.known)}{" "}
        subscribers whose setting is known
      </p>
      <p className="text-muted">{formatCount(p.subscribers)} subscribers in the roster</p>
    </div>
  );
}

export function AutoRenewChart({ autoRenew }: { autoRenew: SubscriberTrends["autoRenew"] }) {
  const f = useFormat();
  const last = autoRenew.points.at(-1);
  return (
    <Card className="flex flex-col gap-3 p-4" data-testid="auto-renew">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Auto-renew off</h2>
        <p className="text-xs text-muted" data-testid="auto-renew-since">
          {autoRenew.since
            ? `Recorded by Vuedeck since ${f.day(autoRenew.since, "full")}, once a day (UTC days)`
            : "Not recorded yet"}
        </p>
      </div>
      {!last ? (
        <p className="text-sm text-muted">
          Fanvue keeps no history of auto-renew settings, so Vuedeck records the share each day from your fan roster.
          The first record is taken once the roster has synced (open Fans to start it).
        </p>
      ) : (
        <>
          <p className="text-sm" data-testid="auto-renew-latest">
            {last.share === null ? (
              "No subscriber's auto-renew setting is known yet: Vuedeck learns it from Fanvue's fan insights (the Fans page loads them)."
            ) : (
              <>
                <span className="font-semibold">{pct(last.share)}</span> of subscribers have auto-renew off (
                {formatCount(last.autoRenewOff)} of {formatCount(last.known)} whose setting is known;{" "}
                {formatCount(last.subscribers)} in the roster).
              </>
            )}
          </p>
          {autoRenew.points.some((p) => p.share !== null) ? <ShareLine points={autoRenew.points} /> : null}
        </>
      )}
    </Card>
  );
}

function ShareLine({ points }: { points: AutoRenewPoint[] }) {
  const f = useFormat();
  return (
    <div className="h-48 min-w-0 overflow-hidden">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => f.day(d, "dayMonth")}
            tickLine={false}
            axisLine={false}
            fontSize={11}
            minTickGap={16}
          />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(n: number) => `${Math.round(n * 100)}%`}
            tickLine={false}
            axisLine={false}
            fontSize={11}
            width={40}
          />
          <Tooltip content={<TooltipBody />} />
          <Line
            dataKey="share"
            stroke={CHART.referral}
            strokeWidth={2}
            dot={points.length <= 31}
            connectNulls
            isAnimationActive={false}
            name="Auto-renew off"
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
