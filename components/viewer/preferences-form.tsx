"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/select";
import { ApiClientError } from "@/lib/queries/fetcher";
import { allTimeZones, formatDateTime, offsetLabel } from "@/lib/utils/time";
import { useViewer } from "./viewer";

// Where a person chooses the zone and locale every page uses (the account menu's dialog and the
// Settings page). Saved on the server: the same on their phone, their laptop and the agency's desk.

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

type Failure = { field?: string; message: string } | null;

function usePrefsForm(onSaved?: () => void) {
  const viewer = useViewer();
  const [zone, setZone] = useState(viewer.saved.timeZone ?? DEVICE);
  const [locale, setLocale] = useState(viewer.saved.locale ?? DEVICE);
  const [error, setError] = useState<Failure>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const dirty = zone !== (viewer.saved.timeZone ?? DEVICE) || locale !== (viewer.saved.locale ?? DEVICE);
  async function save() {
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      await viewer.save({ timeZone: zone || null, locale: locale || null });
      setSaved(true);
      onSaved?.();
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
  const edit = (f: (v: string) => void) => (v: string) => (f(v), setSaved(false));
  return {
    viewer,
    zone,
    setZone: edit(setZone),
    locale,
    setLocale: edit(setLocale),
    error,
    saving,
    saved,
    dirty,
    save,
  };
}

/** Zone and date format with a live preview; `onCancel` adds a Cancel button (the dialog's). */
export function PreferencesForm({ onSaved, onCancel }: { onSaved?: () => void; onCancel?: () => void }) {
  const f = usePrefsForm(onSaved);
  // Offsets as of now, computed once per mount (400+ zones).
  const zones = useMemo(() => allTimeZones().map((z) => ({ z, offset: offsetLabel(z) })), []);
  const preview = { zone: f.zone || f.viewer.device, locale: f.locale || f.viewer.locale };
  return (
    <div className="flex flex-col gap-4">
      <Field label="Time zone" htmlFor="pref-zone" error={f.error?.field === "timeZone" ? f.error.message : null}>
        <Select id="pref-zone" value={f.zone} onChange={(e) => f.setZone(e.target.value)} data-testid="pref-zone">
          <option value={DEVICE}>This device&apos;s zone ({f.viewer.device.replace(/_/g, " ")})</option>
          {zones.map(({ z, offset }) => (
            <option key={z} value={z}>
              {z.replace(/_/g, " ")} (UTC{offset})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Date format" htmlFor="pref-locale" error={f.error?.field === "locale" ? f.error.message : null}>
        <Select
          id="pref-locale"
          value={f.locale}
          onChange={(e) => f.setLocale(e.target.value)}
          data-testid="pref-locale"
        >
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
      {f.error && !f.error.field ? (
        <p className="text-sm text-red-700" role="alert">
          {f.error.message}
        </p>
      ) : null}
      <div className="flex items-center justify-end gap-2">
        {f.saved && !onCancel ? (
          <span className="mr-auto text-sm text-brand-700" role="status" data-testid="pref-saved">
            Saved
          </span>
        ) : null}
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button onClick={() => void f.save()} disabled={f.saving || (!onCancel && !f.dirty)} data-testid="pref-save">
          {f.saving ? "Saving…" : "Save"}
        </Button>
      </div>
    </div>
  );
}
