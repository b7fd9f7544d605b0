"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiClientError } from "@/lib/queries/fetcher";
import { postsApi } from "@/lib/queries/posts";
import type { Draft, DraftForm } from "@/lib/schemas/posts";

// Autosave of the composer into our database: a draft is created on the
// first edit, then saved after each pause in typing and when the tab is
// hidden, closed or left. Saves run one at a time, each based on the version
// the last one returned, so another tab's changes are never silently lost.

/** After typing pauses: a reload or a crashed tab loses at most this much. */
const AUTOSAVE_MS = 600;
/** A failed save (offline, server restarting) is retried this often. */
const RETRY_MS = 5_000;

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

type Options = {
  creatorId: string;
  editOf: string | null;
  publishKey: string;
  initial: Draft | null;
  form: DraftForm;
  /** Called once the first save has created the draft (to put it in the URL). */
  onCreated: (draft: Draft) => void;
};

type Triggers = {
  form: DraftForm;
  savedJson: { current: string };
  stopped: { current: boolean };
  save: (keepalive?: boolean) => Promise<void>;
  saveOnce: (keepalive: boolean) => Promise<void>;
  failing: boolean;
  /** Whether the form differs from what was last saved. */
  unsaved: () => boolean;
};

/** When to save: after a pause in typing, when the tab is hidden or closed,
 * and when the composer is left inside the app. */
function useSaveTriggers({ form, savedJson, stopped, save, saveOnce, failing, unsaved }: Triggers) {
  useEffect(() => {
    if (JSON.stringify(form) === savedJson.current) return;
    const t = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [form, save, savedJson]);

  // Leaving is only questioned when saving is failing (offline): a pending
  // save completes on its own (keepalive lets it outlive the page).
  useEffect(() => {
    const flush = (e: Event) => {
      if (e.type === "pagehide" || document.visibilityState === "hidden") void save(true);
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (failing && unsaved()) e.preventDefault();
    };
    document.addEventListener("visibilitychange", flush);
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", flush);
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [save, failing, unsaved]);

  // Leaving the composer inside the app (no pagehide): save what is left, then stop.
  useEffect(() => {
    stopped.current = false;
    return () => {
      void saveOnce(true).catch(() => undefined);
      stopped.current = true;
    };
  }, [saveOnce, stopped]);
}

type SaveRefs = {
  opts: { current: Options };
  draft: { current: { id: string; version: number } | null };
  savedJson: { current: string };
  again: { current: boolean };
  stopped: { current: boolean };
};

/** One save: creates the draft on the first, then writes the form over the version last seen. */
function useSaveOnce({ opts, draft, savedJson, again, stopped }: SaveRefs, setState: (s: SaveState) => void) {
  return useCallback(
    async (keepalive: boolean) => {
      const { creatorId, form, publishKey, editOf, onCreated } = opts.current;
      const json = JSON.stringify(form);
      if (json === savedJson.current || stopped.current) return;
      setState({ kind: "saving" });
      if (!draft.current) {
        const d = await postsApi.createDraft(creatorId, { form, publishKey, editOf });
        draft.current = { id: d.id, version: d.version };
        onCreated(d);
        // An existing draft of the same edit came back: write ours over it next.
        if (JSON.stringify(d.form) !== json) return void (again.current = true);
      } else {
        const d = await postsApi.saveDraft(
          creatorId,
          draft.current.id,
          { form, version: draft.current.version },
          keepalive,
        );
        draft.current.version = d.version;
      }
      savedJson.current = json;
      setState({ kind: "saved", at: new Date().toISOString() });
    },
    [opts, draft, savedJson, again, stopped, setState],
  );
}

export function useAutosave(o: Options) {
  const opts = useRef(o);
  opts.current = o;
  const draft = useRef(o.initial ? { id: o.initial.id, version: o.initial.version } : null);
  const savedJson = useRef(JSON.stringify(o.form));
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const stopped = useRef(false);
  const [state, setState] = useState<SaveState>(
    o.initial ? { kind: "saved", at: o.initial.updatedAt } : { kind: "idle" },
  );

  const saveOnce = useSaveOnce({ opts, draft, savedJson, again, stopped }, setState);

  const save = useCallback(
    (keepalive = false): Promise<void> => {
      if (inFlight.current) {
        again.current = true;
        return inFlight.current;
      }
      const run = saveOnce(keepalive)
        .catch((err) => {
          if (err instanceof ApiClientError && err.code === "conflict") {
            stopped.current = true;
            setState({ kind: "conflict", message: err.message });
            return;
          }
          setState({
            kind: "error",
            message: err instanceof ApiClientError ? err.message : "Could not save the draft.",
          });
          setTimeout(() => void (stopped.current || save()), RETRY_MS);
        })
        .finally(() => {
          inFlight.current = null;
          if (again.current) {
            again.current = false;
            void save();
          }
        });
      inFlight.current = run;
      return run;
    },
    [saveOnce],
  );

  // Leaving is only questioned when saving is failing (offline).
  const failing = state.kind === "error";
  const unsaved = useCallback(() => JSON.stringify(opts.current.form) !== savedJson.current, []);
  useSaveTriggers({ form: o.form, savedJson, stopped, save, saveOnce, failing, unsaved });

  /** Take this tab's version over another tab's (after a conflict). */
  const overwrite = useCallback(async () => {
    if (!draft.current) return;
    const d = await postsApi.getDraft(opts.current.creatorId, draft.current.id);
    draft.current.version = d.version;
    stopped.current = false;
    savedJson.current = "";
    await save();
  }, [save]);

  /** While publishing: the server deletes the draft when the post is made. */
  const pause = useCallback(() => void (stopped.current = true), []);
  const resume = useCallback(() => {
    stopped.current = false;
    void save();
  }, [save]);
  const draftId = useCallback(() => draft.current?.id ?? null, []);

  return { state, draftId, save, overwrite, pause, resume };
}
