"use client";

import { Flame, RefreshCcw, RefreshCwOff } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useForecastDay } from "@/lib/queries/fans";
import { cn } from "@/lib/utils/cn";
import { fanName, money } from "./format";
import { useFormat } from "@/components/viewer/viewer";

type ForecastFan = NonNullable<ReturnType<typeof useForecastDay>["data"]>["fans"][number];

/** One renewing fan: a high spender with auto-renew off is flagged in red. */
function ForecastFanRow({ fan: f, onOpenFan }: { fan: ForecastFan; onOpenFan: (fanUuid: string) => void }) {
  const alarm = f.highSpender && !f.autoRenew;
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpenFan(f.uuid)}
        className={cn(
          "flex w-full items-center gap-3 px-5 py-2.5 text-left text-sm hover:bg-canvas",
          alarm && "bg-red-50 hover:bg-red-100",
        )}
        data-testid={alarm ? "forecast-fan-alarm" : "forecast-fan"}
      >
        <Avatar src={f.avatarUrl} name={f.displayName ?? f.handle} size="sm" />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium">{fanName(f)}</span>
          <span
            className={cn("flex items-center gap-1 text-xs", f.autoRenew ? "text-muted" : "font-medium text-amber-800")}
          >
            {f.autoRenew ? (
              <RefreshCcw className="size-3" aria-hidden="true" />
            ) : (
              <RefreshCwOff className="size-3" aria-hidden="true" />
            )}
            {f.autoRenew ? "auto-renew on" : "auto-renew off"}
            {alarm ? (
              <span className="ml-1 inline-flex items-center gap-0.5 text-red-700">
                <Flame className="size-3" aria-hidden="true" /> high spender
              </span>
            ) : null}
          </span>
        </span>
        <span className="tabular text-right">
          <span className="block font-medium">{money(f.totalGross)}</span>
          <span className="block text-xs text-muted">lifetime</span>
        </span>
      </button>
    </li>
  );
}

/** The fans renewing on one day: high spenders with auto-renew off first. */
export function ForecastDayList({
  creatorId,
  tz,
  day,
  onOpenFan,
}: {
  creatorId: string;
  tz: string;
  day: string;
  onOpenFan: (fanUuid: string) => void;
}) {
  const f = useFormat();
  const { data, error, isPending, refetch } = useForecastDay(creatorId, tz, day);
  const title = f.day(day, "long");
  return (
    <Card data-testid="forecast-day-fans">
      <CardHeader>
        <CardTitle>Renewing on {title}</CardTitle>
        {data ? (
          <span className="text-xs text-muted">
            {data.fans.length}
            {data.truncated ? "+" : ""} fans
          </span>
        ) : null}
      </CardHeader>
      <CardBody className="px-0 pb-2">
        {isPending ? (
          <div className="px-5">
            <Skeleton className="h-24" />
          </div>
        ) : !data ? (
          <div className="px-5">
            <ErrorState error={error} onRetry={() => void refetch()} what="this day's renewals" />
          </div>
        ) : (
          <ul className="divide-y divide-line border-t border-line">
            {data.fans.map((fan) => (
              <ForecastFanRow key={fan.uuid} fan={fan} onOpenFan={onOpenFan} />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
