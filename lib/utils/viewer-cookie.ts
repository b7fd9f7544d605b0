/** The device's own zone, written by the browser for the server's next
 * render (components/viewer/viewer.tsx; read in lib/server/viewer.ts). */
export const DEVICE_ZONE_COOKIE = "vd_tz";
