"use client";

import { Checkbox } from "@/components/ui/choice";
import type { ListRefsInput, ListsView } from "@/lib/schemas/mass-messages";
import { formatCount } from "@/lib/utils/format";

type Props = {
  label: string;
  lists: ListsView | undefined;
  /** Loading the lists failed outright (neither kind could be read). */
  failed?: boolean;
  value: ListRefsInput;
  onChange: (v: ListRefsInput) => void;
  /** Lists chosen on the other side (include vs exclude) cannot be picked here. */
  disabled: ListRefsInput;
  testId: string;
};

const toggle = (arr: string[], v: string) => (arr.includes(v) ? arr.filter((x) => x !== v) : [...arr, v]);

/** Smart and custom lists as checkboxes, with their sizes. */
export function ListPicker({ label, lists, failed, value, onChange, disabled, testId }: Props) {
  const notes = lists ? [lists.missing.smart, lists.missing.custom].filter((n): n is string => Boolean(n)) : [];
  return (
    <fieldset className="flex flex-col gap-2" data-testid={testId}>
      <legend className="text-sm font-medium">{label}</legend>
      {!lists ? (
        <p className="text-sm text-muted">{failed ? "Lists could not be loaded from Fanvue." : "Loading lists…"}</p>
      ) : null}
      {notes.map((n) => (
        <p key={n} className="text-xs text-muted" data-testid="lists-missing">
          {n}
        </p>
      ))}
      <div className="grid gap-1.5 sm:grid-cols-2 xl:grid-cols-3">
        {lists?.smart.map((l) => (
          <label
            key={l.id}
            className="flex items-center gap-2 rounded-lg border border-line px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:disabled]:opacity-50"
          >
            <Checkbox
              checked={value.smart.includes(l.id)}
              disabled={disabled.smart.includes(l.id)}
              onChange={() => onChange({ ...value, smart: toggle(value.smart, l.id) })}
            />
            <span className="flex-1">{l.name}</span>
            <span className="tabular text-xs text-muted">{formatCount(l.count)}</span>
          </label>
        ))}
        {lists?.custom.map((l) => (
          <label
            key={l.uuid}
            className="flex items-center gap-2 rounded-lg border border-dashed border-line px-3 py-2 text-sm has-[:checked]:border-solid has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:disabled]:opacity-50"
          >
            <Checkbox
              checked={value.custom.includes(l.uuid)}
              disabled={disabled.custom.includes(l.uuid)}
              onChange={() => onChange({ ...value, custom: toggle(value.custom, l.uuid) })}
            />
            <span className="flex-1 truncate">{l.name}</span>
            <span className="tabular text-xs text-muted">{formatCount(l.membersCount)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
