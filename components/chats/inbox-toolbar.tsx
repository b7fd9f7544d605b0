"use client";

import { Search } from "lucide-react";
import { useEffect, useState, type RefObject } from "react";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { InboxFilter, InboxSort } from "@/lib/schemas/chats";
import { useLists } from "@/lib/queries/mass-messages";
import { cn } from "@/lib/utils/cn";
import type { InboxUrl } from "./use-inbox-params";

const FILTERS: { id: InboxFilter; label: string }[] = [
  { id: "all", label: "All" },
  { id: "unread", label: "Unread" },
  { id: "unanswered", label: "Not answered" },
  { id: "online", label: "Online" },
  { id: "subscribers", label: "Subscribers" },
  { id: "followers", label: "Followers" },
  { id: "spent50", label: "Spent $50+" },
];
const SORTS: { id: InboxSort; label: string }[] = [
  { id: "recent", label: "Most recent" },
  { id: "unanswered", label: "Most unanswered" },
  { id: "online", label: "Online first" },
];
/** Typing pauses this long before the search runs (on Fanvue, or on the mirror). */
const SEARCH_DEBOUNCE_MS = 300;

type Props = {
  creatorId: string;
  state: InboxUrl;
  set: (p: Record<string, string | null>) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  team: boolean;
  /** The view is Vuedeck's copy of an agency's chats: Fanvue tells agencies nothing about who is online. */
  mirrored: boolean;
};

/** The search box's text; typing settles for SEARCH_DEBOUNCE_MS before it reaches the URL. */
function useDebouncedSearch(search: string, set: Props["set"]) {
  const [q, setQ] = useState(search);
  useEffect(() => setQ(search), [search]);
  useEffect(() => {
    if (q === search) return;
    const t = setTimeout(() => set({ q: q.trim() || null }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [q, search, set]);
  return [q, setQ] as const;
}

/** Search, one filter (or one list) at a time, and the order. */
export function InboxToolbar({ creatorId, state, set, searchRef, team, mirrored }: Props) {
  const [q, setQ] = useDebouncedSearch(state.search, set);
  const lists = useLists(creatorId);
  return (
    <div className="flex flex-col gap-2 border-b border-line p-3">
      <label className="relative block">
        <span className="sr-only">Search chats</span>
        <Search
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted"
          aria-hidden="true"
        />
        <Input
          ref={searchRef}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search name or @handle  ( / )"
          className="h-9 w-full pr-3 pl-9"
          data-testid="chat-search"
        />
      </label>
      <FilterChips state={state} set={set} mirrored={mirrored} />
      <div className="flex gap-2">
        {!team ? <ListSelect lists={lists.data} state={state} set={set} /> : null}
        <Select
          value={state.sort}
          onChange={(e) => set({ sort: e.target.value })}
          className="h-8 min-w-0 flex-1 text-xs"
          aria-label="Sort"
          disabled={team}
        >
          {SORTS.filter((s) => !(mirrored && s.id === "online")).map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}

/** One filter at a time, as a row of radio chips (none is on while a list is chosen). */
function FilterChips({ state, set, mirrored }: Pick<Props, "state" | "set" | "mirrored">) {
  return (
    <div
      className="-mx-3 flex gap-1.5 overflow-x-auto px-3 pb-0.5"
      role="radiogroup"
      aria-label="Filter chats"
      data-testid="chat-filters"
    >
      {FILTERS.filter((f) => !(mirrored && f.id === "online")).map((f) => {
        const on = state.filter === f.id && !state.list;
        return (
          <button
            key={f.id}
            type="button"
            role="radio"
            aria-checked={on}
            onClick={() => set({ filter: f.id, list: null })}
            className={cn(
              "shrink-0 rounded-full border px-3 py-1 text-xs font-medium touch:min-h-11 touch:min-w-11",
              on ? "border-brand-600 bg-brand-600 text-white" : "border-line bg-surface text-ink hover:bg-canvas",
            )}
          >
            {f.label}
          </button>
        );
      })}
    </div>
  );
}

/** The creator's custom and smart lists; choosing one replaces the filter. */
function ListSelect({
  lists,
  state,
  set,
}: Pick<Props, "state" | "set"> & { lists: ReturnType<typeof useLists>["data"] }) {
  return (
    <Select
      value={state.list}
      onChange={(e) => set({ list: e.target.value || null, filter: null })}
      className="h-8 min-w-0 flex-1 text-xs"
      aria-label="List"
      data-testid="chat-list-filter"
    >
      <option value="">Any list</option>
      {lists?.custom.length ? (
        <optgroup label="Custom lists">
          {lists.custom.map((l) => (
            <option key={l.uuid} value={`custom:${l.uuid}`}>
              {l.name} ({l.membersCount})
            </option>
          ))}
        </optgroup>
      ) : null}
      {lists?.missing.custom ? <option disabled>{lists.missing.custom}</option> : null}
      {lists?.smart.length ? (
        <optgroup label="Smart lists">
          {lists.smart.map((l) => (
            <option key={l.id} value={`smart:${l.id}`}>
              {l.name} ({l.count})
            </option>
          ))}
        </optgroup>
      ) : null}
    </Select>
  );
}
