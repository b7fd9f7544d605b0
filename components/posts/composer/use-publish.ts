"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ApiClientError } from "@/lib/queries/fetcher";
import { postKeys, postsApi } from "@/lib/queries/posts";
import type { PostView } from "@/lib/schemas/post-views";
import type { DraftForm, FieldErrors, PostField } from "@/lib/schemas/posts";
import { changesOf, fieldsOfForm, newPublishKey } from "./form";

// Sending the composer to our API: one request at a time (a double click is
// ignored here, and the idempotency key makes the server ignore it too), the
// same key on every retry, Fanvue's refusals mapped back to their fields.

type Options = {
  creatorId: string;
  original: PostView | null;
  initialKey: string;
  draftId: () => string | null;
  pauseAutosave: () => void;
  resumeAutosave: () => void;
};

export type SendProblem = { kind: "unknown" | "error"; message: string; retryAfterSec?: number } | null;

export function usePublish(o: Options) {
  const router = useRouter();
  const qc = useQueryClient();
  const busy = useRef(false);
  const [sending, setSending] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<SendProblem>(null);
  const key = useRef(o.initialKey);

  const send = async (form: DraftForm, opts: { newKey?: boolean } = {}) => {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    setProblem(null);
    if (opts.newKey) key.current = newPublishKey();
    o.pauseAutosave();
    try {
      const draftId = o.draftId();
      const { fields } = fieldsOfForm(form);
      let uuid: string;
      let action: string;
      if (o.original) {
        const post = await postsApi.update(o.creatorId, o.original.uuid, { ...changesOf(o.original, form), draftId });
        uuid = post.uuid;
        action =
          post.publishedAt && !o.original.publishedAt ? "published" : o.original.publishedAt ? "saved" : "rescheduled";
      } else {
        const res = await postsApi.publish(o.creatorId, { key: key.current, draftId, ...fields });
        uuid = res.post.uuid;
        action = res.post.publishedAt ? "published" : "scheduled";
      }
      await qc.invalidateQueries({ queryKey: postKeys.all(o.creatorId) });
      router.push(`/c/${o.creatorId}/posts?done=${uuid}&action=${action}`);
    } catch (err) {
      busy.current = false;
      setSending(false);
      o.resumeAutosave();
      const e = err instanceof ApiClientError ? err : null;
      if (e?.field === "key") setProblem({ kind: "unknown", message: e.message });
      else if (e?.field) setServerErrors((s) => ({ ...s, [e.field as PostField]: e.message }));
      else
        setProblem({
          kind: "error",
          message: e?.message ?? "Something went wrong. Your draft is kept: try again.",
          retryAfterSec: e?.retryAfterSec,
        });
    }
  };

  /** The user changed a field: Fanvue's old complaint about it no longer applies. */
  const clearServerErrors = (fields: PostField[]) =>
    setServerErrors((s) => {
      if (!fields.some((f) => s[f])) return s;
      const next = { ...s };
      for (const f of fields) delete next[f];
      return next;
    });

  return { send, sending, serverErrors, clearServerErrors, problem };
}
