import type { UrlState } from "@/lib/url-state/fields";
import type { InboxParams } from "@/lib/queries/chats";
import type { InboxFilter, InboxSort, inboxUrlSchema } from "@/lib/schemas/chats";

// The inbox's URL state and the list request it stands for, pure so the
// page's server render (its prefetch) and the client (./use-inbox-params.ts,
// ./chat-list.tsx) derive the very same query key from one URL.

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

export function inboxStateOf(url: UrlState<typeof inboxUrlSchema>): InboxUrl {
  return {
    filter: url.filter,
    sort: url.sort,
    search: url.q ?? "",
    list: url.list ?? "",
    chat: url.chat ?? null,
    chatCreator: url.cc ?? null,
    team: url.team === "1",
    media: url.media,
  };
}

/** The chat list's request (and query key) for this state. */
export const inboxListParams = (s: InboxUrl): InboxParams => ({
  filter: s.filter,
  sort: s.sort,
  search: s.search,
  list: s.list,
});
