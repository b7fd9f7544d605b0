"use client";

import { Tag, X } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useFanMutations, useFanTags } from "@/lib/queries/fans";

type Mutations = ReturnType<typeof useFanMutations>;

/** The fan's tags as badges, each removable when the viewer may write. */
function TagList({
  tags,
  canWrite,
  removeTag,
}: {
  tags: string[];
  canWrite: boolean;
  removeTag: Mutations["removeTag"];
}) {
  return (
    <div className="flex flex-wrap gap-1.5">
      {tags.length === 0 ? <span className="text-sm text-muted">No tags yet.</span> : null}
      {tags.map((t) => (
        <Badge key={t} tone="info" className="py-1">
          {t}
          {canWrite ? (
            <button
              type="button"
              onClick={() => removeTag.mutate(t)}
              className="-mr-0.5 rounded-full hover:bg-sky-200"
              aria-label={`Remove tag ${t}`}
            >
              <X className="size-3" aria-hidden="true" />
            </button>
          ) : null}
        </Badge>
      ))}
    </div>
  );
}

/** A new tag, with the creator's other tags as suggestions. */
function AddTagForm({
  known,
  tags,
  addTag,
}: {
  known: { tag: string }[];
  tags: string[];
  addTag: Mutations["addTag"];
}) {
  const [value, setValue] = useState("");
  const listId = useId();
  return (
    <form
      className="flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) addTag.mutate(value.trim(), { onSuccess: () => setValue("") });
      }}
    >
      <Input
        value={value}
        onChange={(e) => setValue(e.target.value)}
        list={listId}
        maxLength={32}
        placeholder="Add a tag, e.g. vip"
        aria-label="New tag"
        className="h-9 min-w-0 flex-1"
      />
      <datalist id={listId}>
        {known
          .filter((k) => !tags.includes(k.tag))
          .map((k) => (
            <option key={k.tag} value={k.tag} />
          ))}
      </datalist>
      <Button size="sm" type="submit" variant="secondary" className="h-9" disabled={!value.trim() || addTag.isPending}>
        Add tag
      </Button>
    </form>
  );
}

export function FanTags({
  creatorId,
  fanUuid,
  tags,
  canWrite,
}: {
  creatorId: string;
  fanUuid: string;
  tags: string[];
  canWrite: boolean;
}) {
  const { addTag, removeTag } = useFanMutations(creatorId, fanUuid);
  const known = useFanTags(creatorId).data ?? [];
  const error = addTag.error ?? removeTag.error;
  return (
    <div className="flex flex-col gap-2" data-testid="fan-tags">
      <h3 className="flex items-center gap-1.5 text-sm font-semibold">
        <Tag className="size-4 text-muted" aria-hidden="true" /> Tags
      </h3>
      <TagList tags={tags} canWrite={canWrite} removeTag={removeTag} />
      {canWrite ? <AddTagForm known={known} tags={tags} addTag={addTag} /> : null}
      {error instanceof ApiClientError ? (
        <p className="text-sm text-red-700" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
