"use client";

import { StickyNote, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useFanMutations } from "@/lib/queries/fans";
import type { FanNoteView } from "@/lib/schemas/fans";
import { useFormat } from "@/components/viewer/viewer";

export function FanNotes({
  creatorId,
  fanUuid,
  notes,
  canWrite,
}: {
  creatorId: string;
  fanUuid: string;
  notes: FanNoteView[];
  canWrite: boolean;
}) {
  const f = useFormat();
  const { addNote, deleteNote } = useFanMutations(creatorId, fanUuid);
  const [body, setBody] = useState("");
  const error = addNote.error ?? deleteNote.error;
  return (
    <div className="flex flex-col gap-2" data-testid="fan-notes">
      <h3 className="flex items-center gap-1.5 text-sm font-semibold">
        <StickyNote className="size-4 text-muted" aria-hidden="true" /> Notes
      </h3>
      {canWrite ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) addNote.mutate(body.trim(), { onSuccess: () => setBody("") });
          }}
        >
          <Textarea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              // ⌘/Ctrl+Enter saves, like most chat tools.
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
            }}
            rows={2}
            maxLength={2000}
            placeholder="What should the team remember about this fan?"
            aria-label="New note"
          />
          <Button size="sm" type="submit" className="self-end" disabled={!body.trim() || addNote.isPending}>
            Save note
          </Button>
        </form>
      ) : null}
      {notes.length === 0 ? <p className="text-sm text-muted">No notes yet.</p> : null}
      <ul className="flex flex-col gap-2">
        {notes.map((n) => (
          <li key={n.id} className="rounded-lg border border-line bg-canvas/50 p-3 text-sm" data-testid="fan-note">
            <p className="whitespace-pre-wrap">{n.body}</p>
            <p className="mt-1.5 flex items-center gap-2 text-xs text-muted">
              <span title={f.dateTime(n.createdAt, "compact")}>
                {n.authorName} · {f.ago(n.createdAt)}
              </span>
              {canWrite ? (
                <button
                  type="button"
                  className="ml-auto rounded p-1 hover:bg-black/5 hover:text-ink"
                  onClick={() => deleteNote.mutate(n.id)}
                  aria-label="Delete note"
                >
                  <Trash2 className="size-3.5" aria-hidden="true" />
                </button>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {error instanceof ApiClientError ? (
        <p className="text-sm text-red-700" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
