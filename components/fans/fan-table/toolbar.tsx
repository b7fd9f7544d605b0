"use client";

import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { useFanTags } from "@/lib/queries/fans";
import type { FansUrlState } from "../use-fans-params";
import { SegmentPicker } from "./segment-picker";

export const SORTS = [
  { value: "recent", label: "Newest first" },
  { value: "spend", label: "Lifetime spend" },
  { value: "lastPurchase", label: "Last purchase" },
  { value: "subscribedAt", label: "Subscribed since" },
  { value: "renewsAt", label: "Renews soonest" },
  { value: "name", label: "Name" },
];

type Props = {
  creatorId: string;
  state: FansUrlState;
  update: (p: Partial<FansUrlState>) => void;
  canWrite: boolean;
  insightsAvailable: boolean;
};

/** Search (debounced; exact @handle or part of a name, on the roster), sort,
 * tag filter and segments. */
export function FanToolbar({ creatorId, state, update, canWrite, insightsAvailable }: Props) {
  const tags = useFanTags(creatorId).data ?? [];
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  useEffect(() => {
    if (q === state.q) return;
    // 300 ms: searching as you type without a request per keystroke.
    const t = setTimeout(() => update({ q }), 300);
    return () => clearTimeout(t);
  }, [q, state.q, update]);
  const sorts = insightsAvailable ? SORTS : SORTS.filter((s) => s.value === "recent" || s.value === "name");
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-3 shadow-sm lg:flex-row lg:flex-wrap lg:items-end">
      <label className="relative flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-muted lg:max-w-xs">
        Search
        <Search className="pointer-events-none absolute bottom-2.5 left-2.5 size-4 text-zinc-400" aria-hidden="true" />
        <Input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="@handle or part of a name"
          maxLength={100}
          data-testid="fans-search"
          // The browser's own clear button would sit next to ours.
          className="h-9 w-full pr-8 pl-8 text-ink [&::-webkit-search-cancel-button]:appearance-none"
        />
        {q ? (
          <button
            type="button"
            onClick={() => (setQ(""), update({ q: "" }))}
            className="absolute right-2 bottom-2.5 text-zinc-400 hover:text-ink"
            aria-label="Clear search"
          >
            <X className="size-4" aria-hidden="true" />
          </button>
        ) : null}
      </label>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Sort by
          <Select
            value={state.sort}
            onChange={(e) => update({ sort: e.target.value, dir: "" })}
            className="h-9"
            data-testid="fans-sort"
          >
            {sorts.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Tag
          <Select
            value={state.tag}
            onChange={(e) => update({ tag: e.target.value })}
            className="h-9"
            data-testid="tag-filter"
          >
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.fans})
              </option>
            ))}
          </Select>
        </label>
      </div>
      {insightsAvailable ? (
        <SegmentPicker creatorId={creatorId} state={state} update={update} canWrite={canWrite} />
      ) : null}
    </div>
  );
}
