"use client";

import { Checkbox, Radio } from "@/components/ui/choice";

type Creator = { id: string; displayName: string; handle: string };

/** "All creators" or a chosen set: the access a member (or invite) gets. */
export function CreatorScope({
  creators,
  allCreators,
  creatorIds,
  onChange,
  idPrefix,
}: {
  creators: Creator[];
  allCreators: boolean;
  creatorIds: string[];
  onChange: (v: { allCreators: boolean; creatorIds: string[] }) => void;
  idPrefix: string;
}) {
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
