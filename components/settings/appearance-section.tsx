"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { Radio } from "@/components/ui/choice";
import { useChooseTheme } from "@/components/viewer/use-choose-theme";
import { cn } from "@/lib/utils/cn";
import type { ThemeChoice } from "@/lib/utils/theme";
import { SettingsSection } from "./section";

const OPTIONS: { value: ThemeChoice; label: string; hint: string; Icon: typeof Sun }[] = [
  { value: "system", label: "System", hint: "Follows this device's light or dark setting", Icon: Monitor },
  { value: "light", label: "Light", hint: "Always light", Icon: Sun },
  { value: "dark", label: "Dark", hint: "Always dark", Icon: Moon },
];

/** System / Light / Dark: applied at once on this device, then saved to the account so it follows
 * the user to their other devices (a failed save keeps it on this device and says so). */
export function AppearanceSection() {
  const { choice, choose, error } = useChooseTheme();
  return (
    <SettingsSection
      id="appearance"
      title="Appearance"
      description="Light or dark, or whatever this device is set to. Saved to your account, so your other devices follow."
    >
      <fieldset>
        <legend className="sr-only">Theme</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {OPTIONS.map(({ value, label, hint, Icon }) => (
            <label
              key={value}
              className={cn(
                "flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border p-3 hover:bg-canvas",
                choice === value ? "border-brand-600 bg-brand-50" : "border-line",
              )}
            >
              <Radio
                name="theme"
                value={value}
                checked={choice === value}
                onChange={() => void choose(value)}
                className="mt-0.5"
                data-testid={`theme-${value}`}
              />
              <span className="flex min-w-0 flex-col">
                <span className="flex items-center gap-1.5 text-sm font-medium">
                  <Icon className="size-4" aria-hidden="true" />
                  {label}
                </span>
                <span className="text-xs text-muted">{hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p className="mt-3 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </SettingsSection>
  );
}
