"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/select";
import { ApiClientError } from "@/lib/queries/fetcher";
import { allTimeZones, formatDateTime, offsetLabel } from "@/lib/utils/time";
import { useViewer } from "./viewer";

// Where a person chooses the zone and locale every page uses. Saved on the
// server: the same on their phone, their laptop and the agency's desk.

/** Languages offered for dates; anything else a browser sends still works. */
const LOCALES: [string, string][] = [
  ["en-US", "English (United States)"],
  ["en-GB", "English (United Kingdom)"],
  ["en-AU", "English (Australia)"],
  ["en-CA", "English (Canada)"],
  ["de-DE", "Deutsch"],
  ["es-ES", "Español"],
  ["fr-FR", "Français"],
  ["it-IT", "Italiano"],
  ["nl-NL", "Nederlands"],
  ["pt-BR", "Português (Brasil)"],
  ["pl-PL", "Polski"],
  ["sv-SE", "Svenska"],
  ["ja-JP", "日本語"],
];

const DEVICE = "";

export function PreferencesDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const viewer = useViewer();
  const [zone, setZone] = useState(viewer.saved.timeZone ?? DEVICE);
  const [locale, setLocale] = useState(viewer.saved.locale ?? DEVICE);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // Offsets as of now, computed once per opening (400+ zones).
  const zones = useMemo(() => (open ? allTimeZones().map((z) => ({ z, offset: offsetLabel(z) })) : []), [open]);
  const preview = { zone: zone || viewer.device, locale: locale || viewer.locale };

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await viewer.save({ timeZone: zone || null, locale: locale || null });
      onOpenChange(false);
    } catch (err) {
      setError(
        err instanceof ApiClientError
          ? { field: err.field, message: err.message }
          : { message: "Could not save. Check your connection and try again." },
      );
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Time zone and date format" testId="preferences-dialog">
      <div className="flex flex-col gap-4">
        <p className="text-sm text-muted">
          Every date, day boundary and chart in Vuedeck uses these, on every device you sign in on.
        </p>
        <Field label="Time zone" htmlFor="pref-zone" error={error?.field === "timeZone" ? error.message : null}>
          <Select id="pref-zone" value={zone} onChange={(e) => setZone(e.target.value)} data-testid="pref-zone">
            <option value={DEVICE}>This device&apos;s zone ({viewer.device.replace(/_/g, " ")})</option>
            {zones.map(({ z, offset }) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")} (UTC{offset})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Date format" htmlFor="pref-locale" error={error?.field === "locale" ? error.message : null}>
          <Select id="pref-locale" value={locale} onChange={(e) => setLocale(e.target.value)} data-testid="pref-locale">
            <option value={DEVICE}>This browser&apos;s language</option>
            {LOCALES.map(([tag, name]) => (
              <option key={tag} value={tag}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <p className="text-sm" data-testid="pref-preview">
          Now: <span className="tabular font-medium">{formatDateTime(Date.now(), preview)}</span>
        </p>
        {error && !error.field ? (
          <p className="text-sm text-red-700" role="alert">
            {error.message}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button onClick={() => void save()} disabled={saving} data-testid="pref-save">
            {saving ? "Saving…" : "Save"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
