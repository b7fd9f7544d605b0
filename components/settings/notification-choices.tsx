"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/choice";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useViewer } from "@/components/viewer/viewer";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useSaveNotificationChoices } from "@/lib/queries/notifications";
import type { NotificationChoices, NotificationSettings } from "@/lib/schemas/push";
import { UNANSWERED_MINUTES } from "@/lib/schemas/push-values";
import { centsToDecimal, parseMoney } from "@/lib/utils/money";

// What the member wants to be told, for all their devices: each kind with
// its threshold (amounts typed in dollars, read by the shared money parser),
// and which creators, when they have several.

type Draft = Omit<NotificationChoices, "tipMinCents" | "whaleMinCents"> & { tipMin: string; whaleMin: string };

const toDraft = (c: NotificationChoices): Draft => ({
  ...c,
  tipMin: c.tipMinCents ? centsToDecimal(c.tipMinCents) : "",
  whaleMin: centsToDecimal(c.whaleMinCents),
});

function Row(p: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
      <label htmlFor={p.id} className="flex min-h-11 cursor-pointer items-start gap-3 sm:min-h-0">
        <Checkbox id={p.id} checked={p.checked} onChange={(e) => p.onChange(e.target.checked)} className="mt-0.5" />
        <span className="flex flex-col">
          <span className="text-sm font-medium">{p.label}</span>
          <span className="text-sm text-muted">{p.hint}</span>
        </span>
      </label>
      {p.children ? <div className="pl-7 sm:pl-0">{p.children}</div> : null}
    </div>
  );
}

function Amount(p: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={p.id} className="text-sm text-muted">
          {p.label}
        </label>
        <Input
          id={p.id}
          inputMode="decimal"
          className="w-28"
          value={p.value}
          placeholder={p.placeholder}
          aria-invalid={p.error ? true : undefined}
          onChange={(e) => p.onChange(e.target.value)}
        />
      </div>
      {p.error ? (
        <p className="text-sm text-red-700" role="alert">
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

type Errors = { tipMin?: string; whaleMin?: string };

function parse(draft: Draft, locale: string): { errors: Errors; tip: number; whale: number } {
  const errors: Errors = {};
  const tip = draft.tipMin.trim() === "" ? { cents: 0 } : parseMoney(draft.tipMin, locale);
  const whale = parseMoney(draft.whaleMin, locale);
  if ("error" in tip) errors.tipMin = tip.error;
  if ("error" in whale) errors.whaleMin = whale.error;
  else if (whale.cents < 100) errors.whaleMin = "Enter at least $1.00.";
  return { errors, tip: "cents" in tip ? tip.cents : 0, whale: "cents" in whale ? whale.cents : 0 };
}

export function NotificationChoicesForm({ settings }: { settings: NotificationSettings }) {
  const { locale } = useViewer();
  const [draft, setDraft] = useState(() => toDraft(settings.choices));
  const [errors, setErrors] = useState<Errors>({});
  const save = useSaveNotificationChoices();
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    save.reset();
  };
  const submit = () => {
    const parsed = parse(draft, locale);
    setErrors(parsed.errors);
    if (Object.keys(parsed.errors).length) return;
    const { tipMin: _t, whaleMin: _w, ...rest } = draft;
    save.mutate({ ...rest, tipMinCents: parsed.tip, whaleMinCents: parsed.whale });
  };
  return (
    <form
      className="flex flex-col"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="notification-choices"
    >
      <h3 className="text-sm font-semibold">Tell me about</h3>
      <ChoiceRows draft={draft} errors={errors} set={set} />
      <CreatorChoices
        settings={settings}
        muted={draft.mutedCreatorIds}
        onChange={(mutedCreatorIds) => set({ mutedCreatorIds })}
      />
      <SaveBar save={save} />
    </form>
  );
}

function SaveBar({ save }: { save: ReturnType<typeof useSaveNotificationChoices> }) {
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3">
      <Button type="submit" disabled={save.isPending} data-testid="notification-choices-save">
        {save.isPending ? "Saving…" : "Save choices"}
      </Button>
      {save.isSuccess ? (
        <p className="text-sm text-brand-700" role="status" data-testid="notification-choices-saved">
          Saved: they apply to all your devices.
        </p>
      ) : null}
      {save.error ? (
        <p className="text-sm text-red-700" role="alert">
          {save.error instanceof ApiClientError ? save.error.message : "Could not save. Try again."}
        </p>
      ) : null}
    </div>
  );
}

function ChoiceRows({ draft, errors, set }: { draft: Draft; errors: Errors; set: (patch: Partial<Draft>) => void }) {
  return (
    <div className="divide-y divide-line">
      <Row
        id="n-tips"
        label="Tips"
        hint="Needs access to earnings."
        checked={draft.tips}
        onChange={(tips) => set({ tips })}
      >
        <Amount
          id="n-tip-min"
          label="of at least"
          placeholder="any"
          value={draft.tipMin}
          error={errors.tipMin ?? null}
          onChange={(tipMin) => set({ tipMin })}
        />
      </Row>
      <Row
        id="n-subs"
        label="New subscribers"
        hint="Who subscribed, and to which creator."
        checked={draft.newSubscribers}
        onChange={(newSubscribers) => set({ newSubscribers })}
      />
      <Row
        id="n-whales"
        label="Messages from big spenders"
        hint="A fan whose lifetime spend is at least this much writes."
        checked={draft.whaleMessages}
        onChange={(whaleMessages) => set({ whaleMessages })}
      >
        <Amount
          id="n-whale-min"
          label="spent"
          placeholder="100.00"
          value={draft.whaleMin}
          error={errors.whaleMin ?? null}
          onChange={(whaleMin) => set({ whaleMin })}
        />
      </Row>
      <Row
        id="n-unanswered"
        label="Unanswered chats"
        hint="A fan has waited this long for an answer."
        checked={draft.unanswered}
        onChange={(unanswered) => set({ unanswered })}
      >
        <div className="flex items-center gap-2">
          <label htmlFor="n-minutes" className="text-sm text-muted">
            after
          </label>
          <Select
            id="n-minutes"
            value={draft.unansweredMinutes}
            onChange={(e) => set({ unansweredMinutes: Number(e.target.value) })}
          >
            {UNANSWERED_MINUTES.map((m) => (
              <option key={m} value={m}>
                {m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? "" : "s"}`}
              </option>
            ))}
          </Select>
        </div>
      </Row>
      <Row
        id="n-automations"
        label="Automation failures"
        hint="An automation could not send or act for a fan."
        checked={draft.automationFailures}
        onChange={(automationFailures) => set({ automationFailures })}
      />
    </div>
  );
}

function CreatorChoices(p: { settings: NotificationSettings; muted: string[]; onChange: (muted: string[]) => void }) {
  if (p.settings.creators.length < 2) return null;
  const workspaces = new Set(p.settings.creators.map((c) => c.workspaceName)).size;
  return (
    <fieldset className="mt-4">
      <legend className="text-sm font-semibold">For these creators</legend>
      <p className="text-sm text-muted">Only what your role may see about each of them is ever sent.</p>
      <div className="mt-2 grid gap-1 sm:grid-cols-2">
        {p.settings.creators.map((c) => {
          const on = !p.muted.includes(c.id);
          return (
            <label
              key={c.id}
              className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-canvas"
            >
              <Checkbox
                checked={on}
                onChange={(e) =>
                  p.onChange(e.target.checked ? p.muted.filter((id) => id !== c.id) : [...p.muted, c.id])
                }
              />
              <span className="text-sm">
                {c.name}
                {workspaces > 1 ? <span className="text-muted"> · {c.workspaceName}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
