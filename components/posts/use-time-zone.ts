"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** The viewer's time zone (the server renders UTC; the browser's replaces it on hydration). */
export const useTimeZone = () => useSyncExternalStore(noop, browserZone, () => "UTC");
