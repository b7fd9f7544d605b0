"use client";

import { useState } from "react";
import type { ThemeChoice } from "@/lib/utils/theme";
import { useThemeChoice } from "./theme";
import { useViewer } from "./viewer";

/** Choosing a theme, wherever it is chosen (Settings, the command palette): applied at once on this
 * device, then saved to the account so the user's other devices follow; a failed save keeps it here
 * and says so. */
export function useChooseTheme() {
  const viewer = useViewer();
  const [choice, setChoice] = useThemeChoice();
  const [error, setError] = useState<string | null>(null);
  async function choose(next: ThemeChoice) {
    setChoice(next);
    setError(null);
    try {
      await viewer.save({ theme: next === "system" ? null : next });
    } catch {
      setError("Applied on this device, but it could not be saved to your account. Try again to keep it everywhere.");
    }
  }
  return { choice, choose, error };
}
