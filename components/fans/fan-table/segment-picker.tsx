"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useSegmentMutations, useSegments } from "@/lib/queries/fans";
import { isSegmentKind, type SegmentKind } from "@/lib/schemas/fans-values";
import { centsToDecimal, parseMoney } from "@/lib/utils/money";
import type { FansUrlState } from "../use-fans-params";

// Segments: built-in filters with parameters, and saved ones (by name).

type ParamSpec = { name: string; label: string; unit: "%" | "days" | "$"; fallback: string };

export const SEGMENT_UI: Record<SegmentKind, { label: string; params: ParamSpec[] }> = {
  top_spenders: { label: "Top spenders", params: [{ name: "percent", label: "Top", unit: "%", fallback: "5" }] },
  auto_renew_off: { label: "Auto-renew off", params: [] },
  renewing_soon: { label: "Renewing soon", params: [{ name: "days", label: "Within", unit: "days", fallback: "7" }] },
  expired_recently: {
    label: "Expired recently",
    params: [{ name: "days", label: "In the last", unit: "days", fallback: "30" }],
  },
  spent_over: {
    label: "Spent more than…",
    params: [{ name: "amount", label: "More than", unit: "$", fallback: "5000" }],
  },
  lapsed_big_spenders: {
    label: "Big spenders gone quiet",
    params: [
      { name: "minSpend", label: "Spent at least", unit: "$", fallback: "10000" },
      { name: "days", label: "No purchase for", unit: "days", fallback: "30" },
    ],
  },
};

/** Dollars in the box, cents in the URL and API (exact: no float touches the
 * amount). A number input's value always uses "." whatever the locale, hence
 * "en-US". null: not an amount, so the parameter keeps its value. */
const toInput = (p: ParamSpec, v: string) =>
  p.unit === "$" && Number.isSafeInteger(Number(v)) ? centsToDecimal(Number(v)) : v;
const fromInput = (p: ParamSpec, v: string): string | null => {
  if (p.unit !== "$") return v;
  const parsed = parseMoney(v, "en-US");
  return "cents" in parsed ? String(parsed.cents) : null;
};

type Props = { creatorId: string; state: FansUrlState; update: (p: Partial<FansUrlState>) => void; canWrite: boolean };

type Saved = ReturnType<typeof useSegments>["data"];

/** Everyone, the built-in segments, then the saved ones. */
function SegmentSelect({
  value,
  saved,
  onChoose,
}: {
  value: string;
  saved: NonNullable<Saved>;
  onChoose: (value: string) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      Segment
      <Select
        value={value}
        onChange={(e) => onChoose(e.target.value)}
        data-testid="segment-select"
        className="h-9 min-w-44"
      >
        <option value="">Everyone</option>
        <optgroup label="Segments">
          {Object.entries(SEGMENT_UI).map(([k, v]) => (
            <option key={k} value={k}>
              {v.label}
            </option>
          ))}
        </optgroup>
        {saved.length ? (
          <optgroup label="Saved">
            {saved.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </Select>
    </label>
  );
}

/** One box per parameter of the chosen segment, applied on blur or Enter. */
function SegmentParams({ kind, state, update }: { kind: SegmentKind; state: FansUrlState; update: Props["update"] }) {
  return SEGMENT_UI[kind].params.map((p) => (
    <label key={`${kind}-${p.name}`} className="flex flex-col gap-1 text-xs font-medium text-muted">
      {p.label} ({p.unit})
      <Input
        type="number"
        size="sm"
        min={p.unit === "%" ? 0.1 : 1}
        step={p.unit === "$" ? 0.01 : 1}
        className="h-9 w-24 text-ink"
        defaultValue={toInput(p, state.segParams[p.name] ?? p.fallback)}
        onBlur={(e) => {
          const v = fromInput(p, e.target.value);
          if (v !== null) update({ segParams: { ...state.segParams, [p.name]: v } });
        }}
        onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
      />
    </label>
  ));
}

type NameFormProps = {
  name: string;
  setName: (n: string) => void;
  pending: boolean;
  onSave: () => void;
  onCancel: () => void;
};

function SegmentNameForm({ name, setName, pending, onSave, onCancel }: NameFormProps) {
  return (
    <form className="flex items-end gap-1.5" onSubmit={(e) => (e.preventDefault(), onSave())}>
      <Input
        autoFocus
        size="sm"
        aria-label="Segment name"
        placeholder="Name, e.g. Whales"
        value={name}
        onChange={(e) => setName(e.target.value)}
        className="h-9 w-40"
      />
      <Button size="sm" type="submit" disabled={!name.trim() || pending}>
        Save
      </Button>
      <Button size="sm" variant="ghost" type="button" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}

export function SegmentPicker({ creatorId, state, update, canWrite }: Props) {
  const saved = useSegments(creatorId).data ?? [];
  const { create, remove } = useSegmentMutations(creatorId);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const kind = isSegmentKind(state.segment) ? state.segment : null;
  const savedSel = saved.find((s) => s.id === state.segment);
  const choose = (value: string) => {
    const ui = isSegmentKind(value) ? SEGMENT_UI[value] : null;
    const params = Object.fromEntries((ui?.params ?? []).map((p) => [p.name, p.fallback]));
    // A segment spans the whole audience (expired fans are followers).
    update({ segment: value, segParams: params, ...(value && state.view !== "all" ? { view: "all" } : {}) });
  };
  const save = () =>
    kind &&
    create.mutate(
      {
        name: name.trim(),
        kind,
        params: Object.fromEntries(Object.entries(state.segParams).map(([k, v]) => [k, Number(v)])),
      },
      { onSuccess: (s) => (setNaming(false), setName(""), update({ segment: s.id, segParams: {} })) },
    );
  return (
    <div className="flex flex-wrap items-end gap-2">
      <SegmentSelect value={state.segment} saved={saved} onChoose={choose} />
      {kind ? <SegmentParams kind={kind} state={state} update={update} /> : null}
      {canWrite && kind && !naming ? (
        <Button size="sm" variant="ghost" onClick={() => setNaming(true)}>
          Save segment
        </Button>
      ) : null}
      {naming ? (
        <SegmentNameForm
          name={name}
          setName={setName}
          pending={create.isPending}
          onSave={save}
          onCancel={() => setNaming(false)}
        />
      ) : null}
      {canWrite && savedSel ? (
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Delete segment ${savedSel.name}`}
          onClick={() => remove.mutate(savedSel.id, { onSuccess: () => update({ segment: "" }) })}
        >
          <Trash2 className="size-4" aria-hidden="true" />
        </Button>
      ) : null}
      {create.error instanceof ApiClientError ? (
        <p className="w-full text-sm text-red-700" role="alert">
          {create.error.message}
        </p>
      ) : null}
    </div>
  );
}
