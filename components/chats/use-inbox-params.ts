"use client";

import { useCallback, useMemo } from "react";
import { inboxUrlSchema, type InboxFilter, type InboxSort } from "@/lib/schemas/chats";
import { useUrlState } from "@/lib/url-state/use-url-state";

// The inbox's state lives in the URL (lib/url-state; shareable, survives
// reloads, the back button closes a chat on a phone): filter, sort, search,
// list, open chat.

export type InboxUrl = {
  filter: InboxFilter;
  sort: InboxSort;
  search: string;
  list: string;
  /** Open chat: the fan's uuid, and (team inbox) whose chat it is. */
  chat: string | null;
  chatCreator: string | null;
  team: boolean;
  /** Vault items to attach, from the vault's "Send in a message". */
  media: string[];
};

type Key = "filter" | "sort" | "q" | "list" | "chat" | "cc" | "team" | "media";

export function useInboxParams() {
  const { state: url, update } = useUrlState(inboxUrlSchema);
  const state = useMemo<InboxUrl>(
    () => ({
      filter: url.filter,
      sort: url.sort,
      search: url.q ?? "",
      list: url.list ?? "",
      chat: url.chat ?? null,
      chatCreator: url.cc ?? null,
      team: url.team === "1",
      media: url.media,
    }),
    [url],
  );
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
