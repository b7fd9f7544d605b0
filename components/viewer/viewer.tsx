"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { saveMyPreferences } from "@/lib/contracts/client/account";
import { callApi } from "@/lib/queries/call";
import type { ViewerPrefs } from "@/lib/schemas/viewer";
import {
  canonicalLocale,
  deviceZone,
  FALLBACK_VIEWER,
  formatAgo,
  formatDate,
  formatDateTime,
  formatDay,
  formatListTime,
  formatTime,
  type DayStyle,
  type Viewer,
} from "@/lib/utils/time";
import { toThemeChoice } from "@/lib/utils/theme";
import { DEVICE_ZONE_COOKIE } from "@/lib/utils/viewer-cookie";
import { applyThemeChoice, readThemeChoice } from "./theme";

// The viewer's zone and locale, one value for every page: what they chose
// (saved on the server, so it follows them to every device), else this
// device's own. The server renders with the saved choice or with what the
// device told it last time (a cookie), so the first paint is already right.

type ViewerState = Viewer & {
  /** What the user chose (null: follow the device). */
  saved: ViewerPrefs;
  /** This device's zone, for "Use this device's zone (…)". */
  device: string;
  /** Saves a choice on the server (null: follow the device again). */
  save: (patch: Partial<ViewerPrefs>) => Promise<void>;
};

const Ctx = createContext<ViewerState | null>(null);
const noop = () => () => {};
const deviceLocale = () => canonicalLocale(navigator.language) ?? FALLBACK_VIEWER.locale;

function useDevice(guess: Viewer): Viewer {
  const zone = useSyncExternalStore(noop, deviceZone, () => guess.zone);
  const locale = useSyncExternalStore(noop, deviceLocale, () => guess.locale);
  return { zone, locale };
}

export function ViewerProvider({
  saved: initial,
  guess,
  children,
}: {
  saved: ViewerPrefs;
  guess: Viewer;
  children: ReactNode;
}) {
  const device = useDevice(guess);
  const [saved, setSaved] = useState(initial);
  useEffect(() => setSaved(initial), [initial]);
  // Tell the server this device's zone for its next render (not a preference).
  useEffect(() => {
    if (device.zone !== guess.zone)
      document.cookie = `${DEVICE_ZONE_COOKIE}=${encodeURIComponent(device.zone)}; path=/; max-age=31536000; samesite=lax`;
  }, [device.zone, guess.zone]);
  // The theme chosen on another device wins over this device's stored one (the script in <head>
  // painted from localStorage; this corrects it once, and from then on the page paints right).
  useEffect(() => {
    const chosen = toThemeChoice(saved.theme);
    if (readThemeChoice() !== chosen) applyThemeChoice(chosen);
  }, [saved.theme]);
  const save = useCallback(async (patch: Partial<ViewerPrefs>) => {
    const next = await callApi(saveMyPreferences, { body: patch });
    setSaved(next);
  }, []);
  const value = useMemo<ViewerState>(
    () => ({
      zone: saved.timeZone ?? device.zone,
      locale: saved.locale ?? device.locale,
      saved,
      device: device.zone,
      save,
    }),
    [saved, device.zone, device.locale, save],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** The viewer's zone and locale. Outside the dashboard (sign-in, invites)
 * there is no saved choice: the device's own. */
export function useViewer(): ViewerState {
  const ctx = useContext(Ctx);
  const device = useDevice(FALLBACK_VIEWER);
  if (ctx) return ctx;
  return { ...device, saved: { timeZone: null, locale: null, theme: null }, device: device.zone, save: async () => {} };
}

type Maybe = string | null | undefined;
const or = (iso: Maybe, f: (iso: string) => string) => (iso ? f(iso) : "—");

/** lib/utils/time.ts's formatters bound to the viewer; "—" for a missing time. */
export function useFormat() {
  const v = useViewer();
  return useMemo(
    () => ({
      viewer: v as Viewer,
      dateTime: (iso: Maybe, style?: "medium" | "short" | "compact") => or(iso, (x) => formatDateTime(x, v, style)),
      date: (iso: Maybe, style?: "medium" | "long" | "short") => or(iso, (x) => formatDate(x, v, style)),
      time: (iso: Maybe) => or(iso, (x) => formatTime(x, v)),
      listTime: (iso: Maybe, now?: number) => (iso ? formatListTime(iso, v, now) : ""),
      ago: (iso: Maybe, now?: number) => or(iso, (x) => formatAgo(x, v, now)),
      day: (ymd: string, style?: DayStyle) => formatDay(ymd, v.locale, style),
    }),
    [v],
  );
}
