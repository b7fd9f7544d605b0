"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { PushState } from "./steps";

// What only this browser knows for "Getting started": flags kept in
// localStorage (the card hidden, the palette opened, the app installed), the
// install prompt the browser offered, and this browser's push subscription.

const PALETTE_KEY = "vd:palette-opened";
const INSTALLED_KEY = "vd:app-installed";
const hiddenKey = (userId: string) => `vd:getting-started-hidden:${userId}`;
/** localStorage fires "storage" only in other tabs: this tab's writes announce themselves. */
const CHANGED = "vd:onboarding-changed";

function read(key: string) {
  try {
    return localStorage.getItem(key) === "1";
  } catch {
    return false; // storage refused (a policy, some private modes): the step stays to do
  }
}

function write(key: string) {
  try {
    localStorage.setItem(key, "1");
  } catch {
    // refused: remembered until the page reloads, through the event below
  }
  window.dispatchEvent(new CustomEvent(CHANGED, { detail: key }));
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** A flag of this device; null while the server renders (it cannot know). */
function useFlag(key: string): boolean | null {
  return useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
}

/** One line in the command palette: the first time it opens, step 4 is done. */
export function useRecordPaletteOpened(open: boolean) {
  useEffect(() => {
    if (open && !read(PALETTE_KEY)) write(PALETTE_KEY);
  }, [open]);
}

export const usePaletteOpened = () => useFlag(PALETTE_KEY);

/** Opens the palette the way ⌘K / Ctrl+K does (components/layout/keyboard.tsx owns the keys). */
export function openCommandPalette() {
  window.dispatchEvent(new KeyboardEvent("keydown", { key: "k", ctrlKey: true, bubbles: true, cancelable: true }));
}

export function useHidden(userId: string) {
  const hidden = useFlag(hiddenKey(userId));
  const hide = useCallback(() => write(hiddenKey(userId)), [userId]);
  return { hidden, hide };
}

// The browser offers installing once per page load, often before this card mounts: caught as soon
// as this module loads, kept for the card.
type InstallPrompt = Event & { prompt: () => Promise<void>; userChoice: Promise<{ outcome: string }> };
let offered: InstallPrompt | null = null;
if (typeof window !== "undefined") {
  window.addEventListener("beforeinstallprompt", (e) => {
    e.preventDefault(); // our button asks instead of the browser's mini bar
    offered = e as InstallPrompt;
    window.dispatchEvent(new CustomEvent(CHANGED, { detail: "install-prompt" }));
  });
  window.addEventListener("appinstalled", () => {
    offered = null;
    write(INSTALLED_KEY);
  });
}

const standalone = () =>
  window.matchMedia("(display-mode: standalone)").matches ||
  (navigator as Navigator & { standalone?: boolean }).standalone === true;

/** Running as the installed app, or installed from this browser; and the browser's own prompt, if it offered one. */
export function useInstall() {
  const installed = useSyncExternalStore(
    subscribe,
    () => standalone() || read(INSTALLED_KEY),
    () => null,
  );
  const canPrompt = useSyncExternalStore(
    subscribe,
    () => offered !== null,
    () => false,
  );
  const install = useCallback(async () => {
    const prompt = offered;
    if (!prompt) return;
    offered = null; // a prompt can be shown once
    await prompt.prompt();
    const { outcome } = await prompt.userChoice;
    if (outcome === "accepted") write(INSTALLED_KEY);
    else window.dispatchEvent(new CustomEvent(CHANGED, { detail: "install-prompt" }));
  }, []);
  return { installed, canPrompt, install };
}

export const isIos = () => /iPhone|iPad|iPod/.test(navigator.userAgent);

const pushSupported = () =>
  "serviceWorker" in navigator && "PushManager" in window && "Notification" in window && window.isSecureContext;

/** Whether this browser has a push subscription (the settings' ThisDevice turns it on); null until checked. */
export function usePushState(): PushState | null {
  const [state, setState] = useState<PushState | null>(null);
  useEffect(() => {
    let live = true;
    const check = async () => {
      if (!pushSupported()) return "unsupported" as const;
      const reg = await navigator.serviceWorker.getRegistration();
      return (await reg?.pushManager.getSubscription()) ? ("on" as const) : ("off" as const);
    };
    check()
      .catch(() => "off" as const)
      .then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
