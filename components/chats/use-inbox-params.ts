"use client";

import { useCallback, useMemo } from "react";
import { inboxUrlSchema } from "@/lib/schemas/chats-values";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { inboxStateOf, type InboxUrl } from "./inbox-params";

export type { InboxUrl } from "./inbox-params";

// The inbox's state lives in the URL (lib/url-state; shareable, survives
// reloads, the back button closes a chat on a phone): filter, sort, search,
// list, open chat.

type Key = "filter" | "sort" | "q" | "list" | "chat" | "cc" | "team" | "media";

export function useInboxParams() {
  const { state: url, update } = useUrlState(inboxUrlSchema);
  const state = useMemo<InboxUrl>(() => inboxStateOf(url), [url]);
  /** null clears a key (back to its default). */
  const set = useCallback(
    (patch: Partial<Record<Key, string | null>>, mode: "push" | "replace" = "replace") => {
      const values = Object.fromEntries(
        Object.entries(patch).map(([k, v]) => [
          k,
          v === null ? undefined : k === "media" ? v.split(",").filter(Boolean) : v,
        ]),
      );
      update(values as Parameters<typeof update>[0], { push: mode === "push" });
    },
    [update],
  );
  return { state, set };
}
