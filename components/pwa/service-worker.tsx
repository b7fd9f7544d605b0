"use client";

import { useEffect } from "react";

// Next fixes NODE_ENV when it builds the client bundle; lib/env.mjs is the server's reader.
// eslint-disable-next-line vuedeck/no-process-env -- a build-time constant in client code, not configuration
const IS_PRODUCTION_BUILD = process.env.NODE_ENV === "production";

/**
 * Registers the service worker (public/sw.js: the offline page and the icons,
 * never pages or API answers) in production builds. `next dev` runs without
 * one and removes a worker left on the same origin by `npm start`, so a
 * developer never debugs through it.
 */
export function ServiceWorker() {
  useEffect(() => {
    // Absent outside secure contexts (plain http other than localhost) and in some private modes.
    if (!("serviceWorker" in navigator)) return;
    if (!IS_PRODUCTION_BUILD) {
      void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
      return;
    }
    const register = () =>
      // updateViaCache "none": every update check asks the server for sw.js, never the HTTP cache.
      navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
        // Refused (storage off, a browser policy): the app works the same, without the offline page.
      });
    // After the page's own resources: precaching never competes with the first paint.
    if (document.readyState === "complete") void register();
    else window.addEventListener("load", () => void register(), { once: true });
  }, []);
  return null;
}
