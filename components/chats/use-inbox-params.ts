"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { INBOX_FILTERS, INBOX_SORTS, type InboxFilter, type InboxSort } from "@/lib/schemas/chats";

// The inbox's state lives in the URL (shareable, survives reloads, the back
// button closes a chat on a phone): filter, sort, search, list, open chat.

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

const pick = <T extends string>(v: string | null, all: readonly T[], d: T): T => (v && (all as readonly string[]).includes(v) ? (v as T) : d);

export function useInboxParams() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo<InboxUrl>(
    () => ({
      filter: pick(sp.get("filter"), INBOX_FILTERS, "all"),
      sort: pick(sp.get("sort"), INBOX_SORTS, "recent"),
      search: sp.get("q") ?? "",
      list: sp.get("list") ?? "",
      chat: sp.get("chat"),
      chatCreator: sp.get("cc"),
      team: sp.get("team") === "1",
      media: (sp.get("media") ?? "").split(",").filter((u) => /^[0-9a-f-]{36}$/i.test(u)),
    }),
    [sp],
  );
  const set = useCallback(
    (patch: Partial<Record<"filter" | "sort" | "q" | "list" | "chat" | "cc" | "team" | "media", string | null>>, mode: "push" | "replace" = "replace") => {
      const next = new URLSearchParams(sp.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === "" || (k === "filter" && v === "all") || (k === "sort" && v === "recent")) next.delete(k);
        else next.set(k, v);
      }
      const url = `${pathname}${next.size ? `?${next}` : ""}`;
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [sp, router, pathname],
  );
  return { state, set };
}
