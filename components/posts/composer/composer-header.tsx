"use client";

import { AlertTriangle, Check, CloudOff, Loader2 } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ComposerCreator, ComposerInit } from "./composer";
import type { SaveState } from "./use-autosave";
import { formatDateTime, formatTime } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";

function SaveStatus({ s }: { s: SaveState }) {
  const viewer = useViewer();
  const [Icon, text, spin] =
    s.kind === "saving"
      ? [Loader2, "Saving…", true]
      : s.kind === "saved"
        ? [Check, `Draft saved ${formatTime(s.at, viewer)}`, false]
        : s.kind === "error"
          ? [CloudOff, "Not saved yet: retrying", false]
          : s.kind === "conflict"
            ? [AlertTriangle, "Changed in another tab", false]
            : [null, "Drafts save automatically", false];
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-muted"
      role="status"
      data-testid="save-status"
      data-state={s.kind}
    >
      {Icon ? <Icon className={spin ? "size-3.5 animate-spin" : "size-3.5"} aria-hidden="true" /> : null}
      {text}
    </span>
  );
}

type Props = {
  creator: ComposerCreator;
  init: ComposerInit;
  save: SaveState;
  onOverwrite: () => void;
  onDiscard: () => void;
};

export function ComposerHeader({ creator, init, save, onOverwrite, onDiscard }: Props) {
  const viewer = useViewer();
  const editing = init.original !== null;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">
            {editing ? (init.original?.cancelledAt ? "Reschedule cancelled post" : "Edit post") : "New post"}
          </h1>
          <p className="mt-1 text-sm text-muted">
            For @{creator.handle} · <SaveStatus s={save} />
          </p>
        </div>
        <div className="flex gap-2">
          {save.kind !== "idle" ? (
            <Button variant="ghost" onClick={onDiscard} data-testid="discard-draft">
              {editing ? "Discard changes" : "Discard draft"}
            </Button>
          ) : null}
          <Button variant="ghost" asChild>
            <Link href={`/c/${creator.id}/posts`}>Back to queue</Link>
          </Button>
        </div>
      </div>
      {creator.agency ? (
        <Alert tone="info" title={`Posting as @${creator.handle} through your agency`}>
          The post goes out on @{creator.handle}&apos;s profile; the activity log records that you made it.
        </Alert>
      ) : null}
      {init.restored ? (
        <Alert
          tone="info"
          title={editing ? "Your unsaved changes are back" : "Your draft is back"}
          data-testid="draft-restored"
        >
          Restored from {formatDateTime(init.draft!.updatedAt, viewer)}.
        </Alert>
      ) : null}
      {save.kind === "conflict" ? (
        <Alert
          tone="warning"
          title="This draft was changed in another tab"
          action={
            <div className="flex gap-2">
              <Button size="sm" variant="secondary" onClick={() => window.location.reload()}>
                Load the other version
              </Button>
              <Button size="sm" onClick={onOverwrite}>
                Keep this one
              </Button>
            </div>
          }
        >
          Autosave is paused so neither version is lost.
        </Alert>
      ) : null}
    </>
  );
}
