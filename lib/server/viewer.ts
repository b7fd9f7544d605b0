import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { THEMES, type Theme, type ViewerPrefs } from "@/lib/schemas/viewer";
import { canonicalLocale, FALLBACK_VIEWER, isTimeZone, localeFromAcceptLanguage, type Viewer } from "@/lib/utils/time";
import { DEVICE_ZONE_COOKIE } from "@/lib/utils/viewer-cookie";

// The viewer's zone and locale on the server: what the user chose (kept
// here, so it follows them to every device), else what the device told us
// (its zone in a cookie, its languages in Accept-Language).

/** The user's row as the shell and the viewer read it: one read per server
 * render (React's cache(); loadShell, the page's zone and the preferences
 * share it), a fresh read per call elsewhere (an API route, after a save). */
export const readUserProfile = cache((userId: string) =>
  db.user.findUnique({
    where: { id: userId },
    select: { name: true, handle: true, image: true, lastCreatorId: true, timeZone: true, locale: true, theme: true },
  }),
);

export async function getViewerPrefs(userId: string): Promise<ViewerPrefs> {
  const u = await readUserProfile(userId);
  // A zone the runtime no longer knows (renamed in a tz update) falls back to the device's.
  return {
    timeZone: u?.timeZone && isTimeZone(u.timeZone) ? u.timeZone : null,
    locale: canonicalLocale(u?.locale),
    theme: THEMES.includes(u?.theme as Theme) ? (u!.theme as Theme) : null,
  };
}

export async function saveViewerPrefs(userId: string, patch: Partial<ViewerPrefs>): Promise<ViewerPrefs> {
  await db.user.update({ where: { id: userId }, data: patch });
  return getViewerPrefs(userId);
}

/** What the device said about itself, for a server render before the browser runs. */
export async function deviceGuess(): Promise<Viewer> {
  const [c, h] = await Promise.all([cookies(), headers()]);
  const zone = c.get(DEVICE_ZONE_COOKIE)?.value;
  return {
    zone: zone && isTimeZone(zone) ? zone : FALLBACK_VIEWER.zone,
    locale: localeFromAcceptLanguage(h.get("accept-language")) ?? FALLBACK_VIEWER.locale,
  };
}

/** The zone the browser will render with, when the server can know it: the
 * saved choice, else the zone this device reported (its cookie). Null on a
 * device that has not reported yet: its zone is known only in the browser, so
 * a page prefetching zoned figures skips them rather than prefetch the wrong
 * ones (components/viewer/viewer.tsx switches to the device's zone at once). */
export const knownViewerZone = cache(async (userId: string): Promise<string | null> => {
  const [saved, c] = await Promise.all([getViewerPrefs(userId), cookies()]);
  if (saved.timeZone) return saved.timeZone;
  const zone = c.get(DEVICE_ZONE_COOKIE)?.value;
  return zone && isTimeZone(zone) ? zone : null;
});
