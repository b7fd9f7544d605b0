"use client";

import { Search, SlidersHorizontal, UserRound, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LazySheet } from "@/components/ui/lazy-dialog";
import { Segmented } from "@/components/ui/segmented";
import { Select } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import type { FanView, MediaType, MediaUsage, VaultFolder } from "@/lib/schemas/media";
import { MEDIA_USAGES } from "@/lib/schemas/media-values";
import { cn } from "@/lib/utils/cn";
import { MEDIA_USAGE_LABELS } from "@/lib/utils/content-labels";
import type { VaultParams } from "./use-vault-params";

/** Wait for a pause in typing: each search scans the vault on Fanvue. */
const SEARCH_DEBOUNCE_MS = 350;

const TYPES: { value: MediaType | undefined; label: string }[] = [
  { value: undefined, label: "All" },
  { value: "image", label: "Images" },
  { value: "video", label: "Videos" },
  { value: "audio", label: "Audio" },
];
const USAGES = MEDIA_USAGES.map((value) => ({ value, label: MEDIA_USAGE_LABELS[value] }));
const FAN_VIEWS: { value: FanView; label: string }[] = [
  { value: "all", label: "All media" },
  { value: "bought", label: "Bought" },
  { value: "sent", label: "Sent in chat" },
];

function SearchBox({ value, onChange }: { value: string; onChange: (q: string | undefined) => void }) {
  const [text, setText] = useState(value);
  const last = useRef(value);
  useEffect(() => {
    // Back/forward or a cleared filter changes the URL: follow it.
    if (value !== last.current) setText((last.current = value));
  }, [value]);
  useEffect(() => {
    if (text === last.current) return;
    const t = setTimeout(() => onChange((last.current = text).trim() || undefined), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, onChange]);
  return (
    <label className="relative flex min-w-0 flex-1 items-center lg:max-w-xs">
      <span className="sr-only">Search names and captions</span>
      <Search className="pointer-events-none absolute left-3 size-4 text-zinc-400" aria-hidden="true" />
      <Input
        type="search"
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        placeholder="Search names and captions"
        className="w-full pr-3 pl-9"
        data-testid="vault-search"
      />
    </label>
  );
}

type Props = {
  params: VaultParams;
  set: (patch: Partial<VaultParams>) => void;
  folders: VaultFolder[] | undefined;
  /** Shown as a select (phones, the picker); the page has a folder list on wide screens. */
  folderSelectClass?: string;
  fanLabel?: string;
};

export function VaultFilters({ params, set, folders, folderSelectClass, fanLabel }: Props) {
  return (
    <div className="flex flex-col gap-3">
      {params.fan ? (
        <div
          className="flex flex-wrap items-center gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
          data-testid="fan-context"
        >
          <UserRound className="size-4" aria-hidden="true" />
          <span className="font-medium">{fanLabel ? `With ${fanLabel}` : "With this fan"}</span>
          <Segmented
            label="Fan view"
            options={FAN_VIEWS}
            value={params.fanView ?? "all"}
            onChange={(v) => set({ fanView: v === "all" ? undefined : v })}
          />
          <button
            type="button"
            className="ml-auto inline-flex items-center justify-center rounded-md p-1 hover:bg-black/5 touch:size-11"
            aria-label="Leave fan context"
            onClick={() => set({ fan: undefined, fanView: undefined })}
          >
            <X className="size-4" aria-hidden="true" />
          </button>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox value={params.q ?? ""} onChange={(q) => set({ q })} />
        <div className="contents max-sm:hidden">
          <FilterControls params={params} set={set} folders={folders} folderSelectClass={folderSelectClass} />
        </div>
        <FiltersSheetButton params={params} set={set} folders={folders} folderSelectClass={folderSelectClass} />
      </div>
    </div>
  );
}

type ControlProps = Pick<Props, "params" | "set" | "folders" | "folderSelectClass"> & { inSheet?: boolean };

/** Type, usage and folder: in a row on wider screens, in the Filters sheet on a phone. */
function FilterControls({ params, set, folders, folderSelectClass, inSheet }: ControlProps) {
  const sent = params.fanView === "sent";
  // The sheet's copies carry their own test ids (the row's stay in the page, hidden).
  const id = (name: string) => (inSheet ? `sheet-${name}` : name);
  return (
    <>
      <div className={inSheet ? "w-full" : "basis-full sm:basis-auto"}>
        <Segmented
          label="Media type"
          options={TYPES}
          value={params.type}
          onChange={(type) => set({ type })}
          testId={id("type-filter")}
        />
      </div>
      <Select
        aria-label="Usage"
        value={params.usage ?? ""}
        disabled={sent}
        onChange={(e) => set({ usage: (e.target.value || undefined) as MediaUsage | undefined })}
        className={inSheet ? "w-full" : "min-w-0 flex-1 sm:flex-none"}
        data-testid={id("usage-filter")}
      >
        <option value="">Any usage</option>
        {USAGES.map((u) => (
          <option key={u.value} value={u.value}>
            {u.label}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Folder"
        value={params.folder ?? ""}
        disabled={sent}
        onChange={(e) => set({ folder: e.target.value || undefined })}
        className={cn(inSheet ? "w-full" : "min-w-0 flex-1 sm:flex-none", folderSelectClass)}
        data-testid={id("folder-filter")}
      >
        <option value="">All folders</option>
        {params.folder && !folders?.some((f) => f.name === params.folder) ? (
          <option value={params.folder}>{params.folder}</option>
        ) : null}
        {folders?.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name} ({f.mediaCount})
          </option>
        ))}
      </Select>
    </>
  );
}

/** On a phone the filters wait behind one button, so the media is on the first screen. */
function FiltersSheetButton(p: ControlProps) {
  const [open, setOpen] = useState(false);
  const active = [p.params.type, p.params.usage, p.params.folder].filter(Boolean).length;
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        onClick={() => setOpen(true)}
        className="sm:hidden"
        aria-haspopup="dialog"
        data-testid="vault-filters-button"
      >
        <SlidersHorizontal className="size-4" aria-hidden="true" />
        Filters
        {active ? (
          <span className="tabular rounded-full bg-brand-600 px-1.5 text-xs leading-5 text-white">
            <span className="sr-only">, </span>
            {active}
            <span className="sr-only"> on</span>
          </span>
        ) : null}
      </Button>
      <LazySheet
        open={open}
        onOpenChange={setOpen}
        title="Filters"
        hideTitle={false}
        side="bottom"
        testId="vault-filters-sheet"
      >
        <div className="flex flex-col gap-3 overflow-y-auto p-5">
          <FilterControls {...p} inSheet />
          <Button type="button" onClick={() => setOpen(false)} className="mt-2" data-testid="vault-filters-done">
            Show media
          </Button>
        </div>
      </LazySheet>
    </>
  );
}
