"use client";

import { Clock } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/viewer/viewer";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useClock, useCurrentShift } from "@/lib/queries/payouts";

// 60 s: a heartbeat a minute keeps a visible tab's shift open with the idle
// time measured in whole minutes (5 at the least), and costs one tiny write.
const HEARTBEAT_MS = 60_000;

/** While clocked in, says "still here" every minute the tab is visible (and at once when it becomes visible). */
function useHeartbeat(workspaceId: string, on: boolean) {
  const { heartbeat } = useClock(workspaceId);
  const beat = heartbeat.mutate;
  useEffect(() => {
    if (!on) return;
    const tick = () => {
      if (document.visibilityState === "visible") beat();
    };
    const timer = window.setInterval(tick, HEARTBEAT_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [on, beat]);
}

/** Clock in / clock out for the signed-in member; hidden for roles that do not work shifts. */
export function ClockControl({ workspaceId }: { workspaceId: string }) {
  const f = useFormat();
  const q = useCurrentShift(workspaceId);
  const { clockIn, clockOut } = useClock(workspaceId);
  const shift = q.data?.shift ?? null;
  useHeartbeat(workspaceId, shift !== null);
  if (!q.data?.canClock) return null;
  const busy = clockIn.isPending || clockOut.isPending;
  const error = clockIn.error ?? clockOut.error;
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" data-testid="clock-control">
      {shift ? (
        <span className="text-sm text-muted" data-testid="clock-status">
          On shift since {f.time(shift.startedAt)}
        </span>
      ) : (
        <span className="text-sm text-muted" data-testid="clock-status">
          Off shift
        </span>
      )}
      <Button
        size="sm"
        variant={shift ? "secondary" : "primary"}
        disabled={busy}
        onClick={() => (shift ? clockOut.mutate() : clockIn.mutate())}
        data-testid={shift ? "clock-out" : "clock-in"}
      >
        <Clock className="size-4" aria-hidden="true" />
        {shift ? "Clock out" : "Clock in"}
      </Button>
      {error ? (
        <p className="w-full text-sm text-red-700" role="alert">
          {error instanceof ApiClientError ? error.message : "Could not reach Vuedeck. Try again."}
        </p>
      ) : null}
    </div>
  );
}
