// Vuedeck's service worker, registered by components/pwa/service-worker.tsx
// (production builds only, scope "/").
//
// What it stores: the offline page and the icons (PRECACHE), nothing else.
// Pages and API answers carry money and fans' messages: they are never put
// in a cache, so nothing of an account outlives the session on a shared or
// lost phone, and no page is ever served stale.
//
// Page navigations go to the network; only when the network fails does the
// offline page answer. API calls (and navigations to them: downloads, Auth.js's
// callbacks), Next's chunks and media are not touched at all. No navigation
// preload: Chromium then sends a second request for a navigation the worker
// leaves alone, and an OAuth callback's code must be used exactly once.
//
// Push (Web Push, lib/server/push): a notification with the payload's title,
// line and tag (a newer one with the same tag replaces it), and a tap opens
// the payload's page: an open Vuedeck window is focused and sent there, else
// a new one opens. The payload carries no token, only what the lock screen
// shows and a path in this app.
//
// Updates: VERSION is a hash of the precached files, written by
// `node scripts/pwa-assets.mjs` (scripts/pwa-assets.test.ts fails when it is
// stale). A new sw.js installs at once (skipWaiting), deletes the previous
// caches and takes over open tabs (clients.claim); since it serves no pages
// from a cache, a tab that changes workers keeps working as it was.
/* global self, caches, fetch, Request, Response, URL -- a service worker's globals (ESLint knows only the language's) */

const VERSION = "8b265a737caf";
const CACHE = `vuedeck-${VERSION}`;
const OFFLINE_PAGE = "/offline.html";
const PRECACHE = [
  "/offline.html",
  "/offline.js",
  "/icon.svg",
  "/favicon.ico",
  "/apple-icon.png",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/maskable-192.png",
  "/icons/maskable-512.png",
  "/icons/badge-96.png",
];

self.addEventListener("install", (event) => {
  // cache: "reload" skips the HTTP cache: the precache is what the server has now.
  const requests = PRECACHE.map((url) => new Request(url, { cache: "reload" }));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(requests))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(activate());
});

async function activate() {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith("vuedeck-") && n !== CACHE).map((n) => caches.delete(n)));
  await self.clients.claim();
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // API answers (and downloads from them) and Next's own files go straight to the network.
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/_next/")) return;
  if (request.mode === "navigate") event.respondWith(navigate(request));
  else if (PRECACHE.includes(url.pathname)) event.respondWith(precached(request));
});

/** The network's answer, whatever its status; the offline page only when there is no answer. */
async function navigate(request) {
  try {
    return await fetch(request);
  } catch {
    const offline = await caches.match(OFFLINE_PAGE, { cacheName: CACHE });
    return offline || Response.error();
  }
}

/** Icons and the offline page's script. Next links icons with a ?hash, hence ignoreSearch. */
async function precached(request) {
  const hit = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return hit || fetch(request);
}

/** The payload's page as a URL of this origin (anything else: the overview). */
function pageOf(path) {
  try {
    const url = new URL(typeof path === "string" ? path : "/", self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + "/";
  } catch {
    return self.location.origin + "/";
  }
}

/** The payload as JSON; a plain-text push (not ours) shows as its text. */
function readPush(message) {
  if (!message) return {};
  try {
    return message.json();
  } catch {
    return { body: message.text() };
  }
}

self.addEventListener("push", (event) => {
  const data = readPush(event.data);
  const title = typeof data.title === "string" && data.title ? data.title : "Vuedeck";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "",
      tag: typeof data.tag === "string" && data.tag ? data.tag : undefined,
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      data: { url: pageOf(data.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openPage(pageOf(event.notification.data && event.notification.data.url)));
});

/** Focuses a window already on that page, else takes over any Vuedeck window, else opens one. */
async function openPage(url) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const same = windows.find((w) => w.url === url);
  if (same) return same.focus();
  const any = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (any) {
    const focused = await any.focus();
    return focused.navigate ? focused.navigate(url) : focused;
  }
  return self.clients.openWindow(url);
}
