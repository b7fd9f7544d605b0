import "server-only";
import type { InboxQuery } from "@/lib/schemas/chats";
import type { ChatSearch } from "@/lib/server/fanvue/resources/chats";

// Our inbox filters → the self route's GET /chats query (pure; unit-tested).
// Every filter, list, search and sort here is documented for GET /chats.
// Agency creators never come here: `GET /creators/{c}/chats` documents page
// and size only, so their inbox is read from Vuedeck's mirror (./mirror).

const SORTS = { recent: "most_recent_messages", unanswered: "most_unanswered_chats", online: "online_now" } as const;
const FILTERS: Record<Exclude<InboxQuery["filter"], "all">, string> = {
  unread: "unread",
  online: "online",
  subscribers: "subscribers",
  followers: "followers",
  spent50: "spent_more_than_50",
  unanswered: "not_answered",
};

export function toFanvueInboxQuery(
  q: Pick<InboxQuery, "filter" | "sort" | "search" | "list">,
): Omit<ChatSearch, "page" | "size"> {
  const out: Omit<ChatSearch, "page" | "size"> = { sortBy: SORTS[q.sort], search: q.search || undefined };
  if (q.list) {
    const at = q.list.indexOf(":");
    const [kind, id] = [q.list.slice(0, at), q.list.slice(at + 1)];
    if (kind === "custom") out.customListId = id;
    else out.smartListIds = [id];
  }
  if (q.filter !== "all") out.filter = [FILTERS[q.filter]];
  return out;
}
