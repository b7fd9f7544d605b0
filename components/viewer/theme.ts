"use client";

import { useCallback, useSyncExternalStore } from "react";
import { THEME_EVENT, THEME_STORAGE_KEY, toThemeChoice, type ThemeChoice } from "@/lib/utils/theme";

// This device's theme choice (lib/utils/theme.ts explains where it lives). Applying sets the class
// here and tells THEME_SCRIPT (THEME_EVENT with the choice), which keeps it from then on.

function read(): ThemeChoice {
  try {
    return toThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(THEME_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(THEME_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** Stores the choice on this device and repaints at once. */
export function applyThemeChoice(choice: ThemeChoice) {
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode): the class below still changes for this page.
  }
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  window.dispatchEvent(new CustomEvent(THEME_EVENT, { detail: choice }));
}

export const readThemeChoice = read;

/** The choice on this device ("system" during the server render). */
export function useThemeChoice(): [ThemeChoice, (c: ThemeChoice) => void] {
  const choice = useSyncExternalStore(subscribe, read, () => "system" as const);
  const set = useCallback((c: ThemeChoice) => applyThemeChoice(c), []);
  return [choice, set];
}
