"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat, useViewer } from "@/components/viewer/viewer";
import { useShifts } from "@/lib/queries/payouts";
import type { ShiftRow, ShiftsPage } from "@/lib/schemas/payouts";
import { addDays } from "@/lib/utils/date-range";
import { formatMinutes } from "@/lib/utils/payouts";
import { CorrectShiftDialog } from "./correct-dialog";
import { IdleSetting } from "./idle-setting";
import { weekDays, weekOf, type Day } from "./week";

/** The week's shifts per member, a column per local day, with each member's hours. */
export function ShiftWeek({ workspaceId }: { workspaceId: string }) {
  const zone = useViewer().zone;
  const [monday, setMonday] = useState(() => weekOf(Date.now(), zone));
  const days = useMemo(() => weekDays(monday, zone), [monday, zone]);
  const q = useShifts(workspaceId, { range: "custom", from: monday, to: addDays(monday, 6), tz: zone });
  const [correcting, setCorrecting] = useState<ShiftRow | null>(null);
  const f = useFormat();
  return (
    <Card className="p-4 sm:p-5 print:hidden" data-testid="shift-week">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold">Shifts</h2>
          <p className="text-xs text-muted">
            {f.day(days[0]!.ymd)} – {f.day(days[6]!.ymd)} in {zone}
            {q.data ? `. A shift with no activity for ${q.data.idleMinutes} min ends at its last activity.` : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          {q.data?.canSetIdle ? <IdleSetting workspaceId={workspaceId} value={q.data.idleMinutes} /> : null}
          <Button
            size="sm"
            variant="secondary"
            aria-label="Previous week"
            onClick={() => setMonday(addDays(monday, -7))}
          >
            <ChevronLeft className="size-4" aria-hidden="true" />
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setMonday(weekOf(Date.now(), zone))}>
            This week
          </Button>
          <Button size="sm" variant="secondary" aria-label="Next week" onClick={() => setMonday(addDays(monday, 7))}>
            <ChevronRight className="size-4" aria-hidden="true" />
          </Button>
        </div>
      </div>
      {q.isPending ? (
        <Skeleton className="mt-3 h-32 rounded-lg" />
      ) : !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} what="shifts" />
      ) : (
        <WeekGrid data={q.data} days={days} onCorrect={q.data.canCorrect ? setCorrecting : null} />
      )}
      {correcting ? (
        <CorrectShiftDialog workspaceId={workspaceId} shift={correcting} onClose={() => setCorrecting(null)} />
      ) : null}
    </Card>
  );
}

type MemberHours = ShiftsPage["members"][number];

function WeekGrid({
  data,
  days,
  onCorrect,
}: {
  data: ShiftsPage;
  days: Day[];
  onCorrect: ((s: ShiftRow) => void) | null;
}) {
  const f = useFormat();
  const columns: Column<MemberHours>[] = [
    { id: "member", header: "Member", className: "w-36", cell: (m) => <span className="font-medium">{m.name}</span> },
    ...days.map((d): Column<MemberHours> => ({
      id: d.ymd,
      header: f.day(d.ymd, "weekdayDay"),
      className: "align-top",
      cell: (m) => <DayCell day={d} shifts={data.shifts.filter((s) => s.userId === m.userId)} onCorrect={onCorrect} />,
    })),
    { id: "hours", header: "Hours", numeric: true, cell: (m) => formatMinutes(m.minutes) },
  ];
  return (
    <DataTable
      className="mt-3"
      columns={columns}
      rows={data.members}
      rowKey={(m) => m.userId}
      rowProps={(m) => ({ "data-testid": `shift-row-${m.name}` })}
      density="compact"
      minWidth={760}
      caption="Shifts per member and day"
    />
  );
}

function DayCell({
  day,
  shifts,
  onCorrect,
}: {
  day: Day;
  shifts: ShiftRow[];
  onCorrect: ((s: ShiftRow) => void) | null;
}) {
  const f = useFormat();
  const now = Date.now();
  // Overlap, not minutes: a shift started a moment ago shows too.
  const inDay = shifts.filter(
    (s) => Date.parse(s.startedAt) < day.end && (s.endedAt ? Date.parse(s.endedAt) : now) > day.start,
  );
  return (
    <div className="flex flex-col gap-1">
      {inDay.map((s) => {
        const label = `${f.time(s.startedAt)}–${s.endedAt ? f.time(s.endedAt) : "now"}`;
        const cls = `rounded px-1.5 py-0.5 text-left text-xs ${s.endedAt ? "bg-brand-50 text-brand-800" : "bg-amber-50 text-amber-800"}`;
        return onCorrect ? (
          <button
            key={s.id}
            type="button"
            className={`${cls} hover:underline`}
            onClick={() => onCorrect(s)}
            title="Correct this shift"
          >
            {label}
            {s.corrected ? " ✎" : ""}
          </button>
        ) : (
          <span key={s.id} className={cls}>
            {label}
            {s.corrected ? " ✎" : ""}
          </span>
        );
      })}
    </div>
  );
}
