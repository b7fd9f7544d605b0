"use client";

import { useState } from "react";
import { useNow } from "@/components/viewer/use-now";
import { addDays } from "@/lib/utils/date-range";
import { thisWeek } from "./calendar-math";

/** The week on screen: the one holding today in the viewer's zone (Monday
 * start), moved by whole weeks. Kept as an offset from this week, not as a
 * date fixed at mount: the first render may run with the server's guess of
 * the zone (the device's arrives after hydration; fixed at mount, a viewer
 * east of UTC on a Monday morning saw the finished week), and a page left
 * open over Sunday night moves on to the new week by itself. */
export function useShownWeek(tz: string) {
  const [offset, setOffset] = useState(0);
  // A minute is fine enough to notice midnight.
  const now = useNow(60_000);
  return {
    start: addDays(thisWeek(tz, now), 7 * offset),
    prev: () => setOffset((o) => o - 1),
    current: () => setOffset(0),
    next: () => setOffset((o) => o + 1),
  };
}
