"use client";

import { useState } from "react";
import { MediaAndPrice } from "@/components/mass/mass-composer";
import { LazyVaultPicker } from "@/components/media/lazy-vault-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, Radio } from "@/components/ui/choice";
import { Sheet } from "@/components/ui/dialog";
import { Input, Textarea } from "@/components/ui/input";
import { Field, Select } from "@/components/ui/select";
import { useViewer } from "@/components/viewer/viewer";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useSaveAutomation } from "@/lib/queries/automations";
import { useLists } from "@/lib/queries/mass-messages";
import { MAX_MEDIA } from "@/lib/schemas/chats-values";
import type { AutomationView } from "@/lib/schemas/automations";
import { TRIGGER_LABELS, TRIGGERS, type Trigger } from "@/lib/schemas/automations-values";
import { toBody, useAutomationDraft, type DraftError, type DraftState } from "./use-automation-draft";

type Set = <K extends keyof DraftState>(k: K, v: DraftState[K]) => void;
type Props = { creatorId: string; initial: AutomationView | null; open: boolean; onClose: () => void };

/** Create or edit an automation: trigger, message, and the rules that keep it off a live chat. */
export function AutomationForm(p: Props) {
  return (
    <Sheet
      open={p.open}
      onOpenChange={(o) => !o && p.onClose()}
      title={p.initial ? `Edit ${p.initial.name}` : "New automation"}
      hideTitle={false}
      testId="automation-form"
    >
      {p.open ? <FormBody {...p} /> : null}
    </Sheet>
  );
}

function FormBody({ creatorId, initial, onClose }: Props) {
  const { zone } = useViewer();
  const { s, set, setMedia } = useAutomationDraft(initial, zone);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<DraftError | null>(null);
  const save = useSaveAutomation(creatorId);
  const server = save.error instanceof ApiClientError ? save.error : null;
  const fieldError = (f: string) => (error?.field === f ? error.message : server?.field === f ? server.message : null);
  const submit = () => {
    const r = toBody(s);
    if ("error" in r) return setError(r.error);
    setError(null);
    save.mutate({ id: initial?.id ?? null, body: r.body }, { onSuccess: onClose });
  };
  return (
    <form
      className="flex min-h-0 flex-1 flex-col"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex min-h-0 flex-1 flex-col gap-5 overflow-y-auto p-5">
        <TriggerFields s={s} set={set} fieldError={fieldError} />
        {s.trigger === "unanswered" ? (
          <p className="rounded-lg bg-canvas px-3 py-2 text-sm text-muted">
            Alerts the team in their open dashboards (a notice naming the fan), once per wait. It never writes to the
            fan: an automatic reply to a fan who is waiting for a person does more harm than good.
          </p>
        ) : (
          <MessageFields
            creatorId={creatorId}
            s={s}
            set={set}
            setMedia={setMedia}
            fieldError={fieldError}
            onAttach={() => setPicking(true)}
          />
        )}
        <ActionFields creatorId={creatorId} s={s} set={set} fieldError={fieldError} />
        <RuleFields s={s} set={set} fieldError={fieldError} />
        <SafetyFields s={s} set={set} />
        {server && !server.field ? (
          <Alert tone="danger" title="Not saved">
            {server.message}
          </Alert>
        ) : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-line p-4">
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={save.isPending} data-testid="automation-save">
          {save.isPending ? "Saving…" : initial ? "Save" : "Create"}
        </Button>
      </div>
      <LazyVaultPicker
        creatorId={creatorId}
        open={picking}
        onOpenChange={setPicking}
        onSelect={(u) => setMedia((m) => [...new Set([...m, ...u])].slice(0, MAX_MEDIA))}
        title="Add to the automation"
        max={MAX_MEDIA - s.media.length}
      />
    </form>
  );
}

type FieldsProps = { s: DraftState; set: Set; fieldError: (f: string) => string | null };

function TriggerFields({ s, set, fieldError }: FieldsProps) {
  return (
    <>
      <Field label="Name" htmlFor="auto-name" error={fieldError("name")}>
        <Input
          id="auto-name"
          value={s.name}
          onChange={(e) => set("name", e.target.value)}
          data-testid="automation-name"
        />
      </Field>
      <Field label="When" htmlFor="auto-trigger" error={fieldError("triggerParams") ?? fieldError("trigger")}>
        <Select
          id="auto-trigger"
          value={s.trigger}
          onChange={(e) => set("trigger", e.target.value as Trigger)}
          data-testid="automation-trigger"
        >
          {TRIGGERS.map((t) => (
            <option key={t} value={t}>
              {TRIGGER_LABELS[t]}
            </option>
          ))}
        </Select>
        {s.trigger === "new_subscriber" ? (
          <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label="Which subscribers">
            {(["any", "paid", "trial"] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <Radio name="subscriber" checked={s.subscriber === k} onChange={() => set("subscriber", k)} />
                {k === "any" ? "Every subscriber" : k === "paid" ? "Paid only" : "Free trial only"}
              </label>
            ))}
          </div>
        ) : null}
        <ScheduledParams s={s} set={set} />
        {s.trigger === "tip_above" || s.trigger === "quiet_spender" ? (
          <label className="flex items-center gap-2 text-sm">
            {s.trigger === "tip_above" ? "Smallest tip" : "Fans who spent at least"} $
            <Input
              size="sm"
              className="w-28"
              inputMode="decimal"
              value={s.minTip}
              onChange={(e) => set("minTip", e.target.value)}
              data-testid="automation-min-tip"
            />
          </label>
        ) : null}
      </Field>
    </>
  );
}

/** Days for the scheduled triggers, and what each one checks. */
function ScheduledParams({ s, set }: { s: DraftState; set: Set }) {
  if (s.trigger === "renewal_off" || s.trigger === "expired")
    return (
      <label className="flex flex-wrap items-center gap-2 text-sm">
        {s.trigger === "renewal_off" ? "Within" : "At least"}
        <NumberInput value={s.days} onChange={(v) => set("days", v)} label="Days" testId="automation-days" />
        {s.trigger === "renewal_off" ? "days before it ends (checked every 10 minutes)" : "days after it ended"}
      </label>
    );
  if (s.trigger === "unanswered")
    return (
      <label className="flex flex-wrap items-center gap-2 text-sm">
        When a fan has waited
        <NumberInput
          value={s.minutes}
          onChange={(v) => set("minutes", v)}
          label="Minutes"
          testId="automation-minutes"
        />
        minutes for an answer (checked every minute)
      </label>
    );
  if (s.trigger === "quiet_spender")
    return (
      <p className="text-xs text-muted">
        Quiet for twice their own usual gap between purchases (learned from their history in the ledger, at least 3 days
        with a purchase); once per quiet spell.
      </p>
    );
  return null;
}

function MessageFields(
  p: FieldsProps & {
    creatorId: string;
    setMedia: (f: (m: string[]) => string[]) => void;
    onAttach: () => void;
  },
) {
  const { creatorId, s, set, setMedia, fieldError } = p;
  return (
    <>
      <Field label="Message" htmlFor="auto-text" error={fieldError("text") ?? fieldError("price")}>
        <Textarea
          id="auto-text"
          rows={4}
          value={s.text}
          onChange={(e) => set("text", e.target.value)}
          placeholder="Welcome {name}! So glad you're here…"
          data-testid="automation-text"
        />
        <span className="text-xs text-muted">
          {"{name}"}, {"{handle}"} and {"{creator}"} are filled in per fan.
        </span>
      </Field>
      <MediaAndPrice
        creatorId={creatorId}
        media={s.media}
        setMedia={setMedia}
        price={s.price}
        setPrice={(v) => set("price", v)}
        onAttach={p.onAttach}
        testPrefix="automation"
      />
    </>
  );
}

/** After the message (or instead of one): tag the fan, add them to or remove them from a custom list. */
function ActionFields({ creatorId, s, set, fieldError }: FieldsProps & { creatorId: string }) {
  const lists = useLists(creatorId);
  const custom = lists.data?.custom ?? [];
  const canEdit = lists.data?.canEdit ?? false;
  const listSelect = (key: "addToList" | "removeFromList", label: string) => (
    <label className="flex flex-wrap items-center gap-2">
      {label}
      <Select value={s[key]} onChange={(e) => set(key, e.target.value)} disabled={!canEdit} aria-label={label}>
        <option value="">No list</option>
        {custom.map((l) => (
          <option key={l.uuid} value={l.uuid}>
            {l.name}
          </option>
        ))}
      </Select>
    </label>
  );
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl border border-line p-4 text-sm">
      <legend className="px-1 font-medium">Also</legend>
      {s.trigger !== "unanswered" ? (
        <label className="flex items-center gap-2">
          <Checkbox
            checked={s.notifyTeam}
            onChange={(e) => set("notifyTeam", e.target.checked)}
            data-testid="automation-notify"
          />
          Tell the team when it fires (a notice in their open dashboards)
        </label>
      ) : null}
      <label className="flex flex-wrap items-center gap-2">
        Tag the fan
        <Input
          size="sm"
          className="w-40"
          value={s.tag}
          onChange={(e) => set("tag", e.target.value)}
          placeholder="e.g. welcomed"
          data-testid="automation-tag"
        />
      </label>
      {listSelect("addToList", "Add to the list")}
      {listSelect("removeFromList", "Remove from the list")}
      {lists.data && !canEdit ? (
        <p className="text-xs text-muted">Fanvue lets agencies read custom lists but not change them.</p>
      ) : null}
      {(fieldError("tag") ?? fieldError("addToListUuid") ?? fieldError("removeFromListUuid")) ? (
        <p className="text-red-700" role="alert">
          {fieldError("tag") ?? fieldError("addToListUuid") ?? fieldError("removeFromListUuid")}
        </p>
      ) : null}
    </fieldset>
  );
}

function NumberInput(p: { value: string; onChange: (v: string) => void; label: string; testId?: string }) {
  return (
    <Input
      size="sm"
      className="w-20"
      inputMode="numeric"
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      aria-label={p.label}
      data-testid={p.testId}
    />
  );
}

/** The rules that keep it off a live chat: recent writing, a waiting fan, media sent, delay, per-fan and daily caps. */
function RuleFields({ s, set, fieldError }: FieldsProps) {
  const err =
    fieldError("skipIfWrittenMinutes") ??
    fieldError("delayMinSec") ??
    fieldError("delayMaxSec") ??
    fieldError("perFanDays") ??
    fieldError("dailyCap");
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl border border-line p-4 text-sm">
      <legend className="px-1 font-medium">Don&apos;t step on a live chat</legend>
      <label className="flex flex-wrap items-center gap-2">
        Skip fans anyone wrote to in the last
        <NumberInput
          value={s.skipWritten}
          onChange={(v) => set("skipWritten", v)}
          label="Minutes"
          testId="automation-skip-written"
        />
        minutes (0: never skip)
      </label>
      <label className="flex items-center gap-2">
        <Checkbox checked={s.skipUnread} onChange={(e) => set("skipUnread", e.target.checked)} />
        Skip fans whose own message is waiting for an answer
      </label>
      <label className="flex items-center gap-2">
        <Checkbox checked={s.skipSentMedia} onChange={(e) => set("skipSentMedia", e.target.checked)} />
        Skip fans already sent this media
      </label>
      <label className="flex flex-wrap items-center gap-2">
        Wait a random
        <NumberInput value={s.delayMin} onChange={(v) => set("delayMin", v)} label="Shortest delay in minutes" />
        to
        <NumberInput value={s.delayMax} onChange={(v) => set("delayMax", v)} label="Longest delay in minutes" />
        minutes first
      </label>
      <PerFanAndCaps s={s} set={set} />
      {err ? (
        <p className="text-red-700" role="alert">
          {err}
        </p>
      ) : null}
    </fieldset>
  );
}

function PerFanAndCaps({ s, set }: { s: DraftState; set: Set }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-4" role="radiogroup" aria-label="How often per fan">
        <label className="flex items-center gap-2">
          <Radio name="perfan" checked={s.perFan === "once"} onChange={() => set("perFan", "once")} />
          Once per fan
        </label>
        <label className="flex items-center gap-2">
          <Radio name="perfan" checked={s.perFan === "days"} onChange={() => set("perFan", "days")} />
          At most every
          <NumberInput
            value={s.perFanDays}
            onChange={(v) => set("perFanDays", v)}
            label="Days between sends to a fan"
          />
          days
        </label>
      </div>
      <label className="flex flex-wrap items-center gap-2">
        At most
        <NumberInput value={s.dailyCap} onChange={(v) => set("dailyCap", v)} label="Sends per day" />
        sends a day (empty: no cap)
      </label>
      <label className="flex flex-wrap items-center gap-2">
        <Checkbox checked={s.quiet} onChange={(e) => set("quiet", e.target.checked)} data-testid="automation-quiet" />
        Quiet hours from
        <Input
          type="time"
          size="sm"
          className="w-28"
          value={s.quietStart}
          onChange={(e) => set("quietStart", e.target.value)}
          disabled={!s.quiet}
          aria-label="Quiet hours start"
        />
        to
        <Input
          type="time"
          size="sm"
          className="w-28"
          value={s.quietEnd}
          onChange={(e) => set("quietEnd", e.target.value)}
          disabled={!s.quiet}
          aria-label="Quiet hours end"
        />
        ({s.timeZone}): a send due then waits
      </label>
    </>
  );
}

function SafetyFields({ s, set }: { s: DraftState; set: Set }) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl border border-line p-4 text-sm">
      <legend className="px-1 font-medium">Measure and test</legend>
      <label className="flex flex-wrap items-center gap-2">
        Hold out
        <Select value={s.holdout} onChange={(e) => set("holdout", Number(e.target.value))} aria-label="Hold-out share">
          {[0, 5, 10, 20].map((h) => (
            <option key={h} value={h}>
              {h} %
            </option>
          ))}
        </Select>
        of fans (never sent) to measure what it adds
      </label>
      <label className="flex items-center gap-2">
        <Checkbox
          checked={s.dryRun}
          onChange={(e) => set("dryRun", e.target.checked)}
          data-testid="automation-dry-run"
        />
        Dry run: log who would get it, send nothing
      </label>
    </fieldset>
  );
}
