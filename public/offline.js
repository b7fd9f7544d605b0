// The offline page's script (public/offline.html). The page stands in for the
// one that failed, at that page's address, so reloading asks for that page
// again. It reloads only once the server answers: the `online` event can fire
// before the network reaches it, and a server that is down sends no event at
// all. So it checks on Retry, whenever the device says it is back online, and
// by itself every few seconds while the page is open.
/* global AbortSignal, document, fetch, location, setTimeout, clearTimeout, window -- a plain browser script, outside the bundle */

// Small, public (no session needed) and never answered by the service worker.
const PROBE = "/manifest.webmanifest";
// Quick at first, then every 15 s at most: next to nothing for a server that is down for hours.
const DELAYS_MS = [1000, 2000, 4000, 8000, 15000];
// A server that takes longer than this to send 1 kB is not back yet.
const PROBE_TIMEOUT_MS = 5000;

let attempt = 0;
let timer;
const byId = (id) => document.getElementById(id);

async function serverAnswers() {
  try {
    const res = await fetch(PROBE, { cache: "no-store", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return res.ok;
  } catch {
    return false;
  }
}

function reload() {
  byId("retry-note").textContent = "Back online. Loading your dashboard…";
  // Opened at its own address (a bookmark, a typed URL), it goes to the dashboard instead.
  if (location.pathname === "/offline.html") location.replace("/");
  else location.reload();
}

function setChecking(checking) {
  const button = byId("retry");
  button.disabled = checking;
  button.textContent = checking ? "Checking…" : "Retry";
}

async function check(byHand) {
  clearTimeout(timer);
  if (byHand) setChecking(true);
  if (await serverAnswers()) return reload();
  if (byHand) {
    setChecking(false);
    byId("retry-note").textContent = "Still offline. Your dashboard loads here as soon as the connection is back.";
  }
  timer = setTimeout(() => check(false), DELAYS_MS[Math.min(attempt++, DELAYS_MS.length - 1)]);
}

function checkNow(byHand) {
  attempt = 0;
  void check(byHand);
}

byId("retry").addEventListener("click", () => checkNow(true));
window.addEventListener("online", () => checkNow(false));
timer = setTimeout(() => check(false), DELAYS_MS[attempt++]);
