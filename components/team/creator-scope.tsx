"use client";

import { useEffect } from "react";
import { Checkbox, Radio } from "@/components/ui/choice";

type Creator = { id: string; displayName: string; handle: string };

/** A member's or invite's creators in words. A workspace with one creator (a solo creator's)
 * names that creator instead of "All creators". */
export function scopeText(allCreators: boolean, creatorIds: string[], creators: Creator[]) {
  if (allCreators) return creators.length === 1 ? creators[0]!.displayName : "All creators";
  const names = new Map(creators.map((c) => [c.id, c.displayName]));
  return creatorIds.map((id) => names.get(id) ?? "Removed creator").join(", ");
}

/** "All creators" or a chosen set: the access a member (or invite) gets. With one creator there is
 * nothing to choose: the access is to that creator. */
export function CreatorScope({
  creators,
  allCreators,
  creatorIds,
  onChange,
  idPrefix,
  role,
}: {
  creators: Creator[];
  allCreators: boolean;
  creatorIds: string[];
  onChange: (v: { allCreators: boolean; creatorIds: string[] }) => void;
  idPrefix: string;
  /** The role being given: a "creator" seat is always one named creator. */
  role: string;
}) {
  const only = creators.length === 1 ? creators[0]! : null;
  // One creator: no choice to offer; keep the scope the role needs (lib/schemas/team.ts).
  const named = role === "creator";
  useEffect(() => {
    if (!only) return;
    if (named && (allCreators || creatorIds.join() !== only.id))
      onChange({ allCreators: false, creatorIds: [only.id] });
    if (!named && !allCreators) onChange({ allCreators: true, creatorIds: [] });
  }, [only, named, allCreators, creatorIds, onChange]);
  if (only) {
    return (
      <p className="text-sm" data-testid={`${idPrefix}-scope-single`}>
        <span className="font-medium">Creator:</span> {only.displayName}{" "}
        <span className="text-muted">@{only.handle}</span>
      </p>
    );
  }
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Creators</legend>
      <label className="flex items-center gap-2 text-sm">
        <Radio
          name={`${idPrefix}-scope`}
          checked={allCreators}
          onChange={() => onChange({ allCreators: true, creatorIds })}
        />
        All creators (including ones added later)
      </label>
      <label className="flex items-center gap-2 text-sm">
        <Radio
          name={`${idPrefix}-scope`}
          checked={!allCreators}
          onChange={() => onChange({ allCreators: false, creatorIds })}
        />
        Only these creators
      </label>
      {!allCreators ? (
        <div className="ml-6 grid gap-1.5 sm:grid-cols-2">
          {creators.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm">
              <Checkbox
                checked={creatorIds.includes(c.id)}
                onChange={(e) =>
                  onChange({
                    allCreators: false,
                    creatorIds: e.target.checked ? [...creatorIds, c.id] : creatorIds.filter((x) => x !== c.id),
                  })
                }
                aria-label={`${c.displayName} (@${c.handle})`}
              />
              {c.displayName} <span className="text-muted">@{c.handle}</span>
            </label>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
