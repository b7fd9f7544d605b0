import type { InboxQuery } from "@/lib/schemas/chats";

// Our inbox filters → Fanvue's GET /chats query (pure; unit-tested).
//
// Fanvue refuses its creator-only filters (subscribers, followers,
// not_answered, spent_more_than_50) on agency routes (§5.2: 403 for
// non-creators). Agencies get the same audience through smart lists, and
// "not answered" through the most-unanswered sort plus a check of who wrote
// last (the sort puts every unanswered chat first, so the first answered one
// ends the list).

export type FanvueInboxQuery = {
  filter?: string[];
  smartListIds?: string[];
  customListId?: string;
  search?: string;
  sortBy: string;
  /** Keep only chats whose last message is the fan's; stop at the first other. */
  onlyUnanswered: boolean;
  note: string | null;
};

const SORTS = { recent: "most_recent_messages", unanswered: "most_unanswered_chats", online: "online_now" } as const;
const SELF_FILTER: Record<string, string> = {
  unread: "unread",
  online: "online",
  subscribers: "subscribers",
  followers: "followers",
  spent50: "spent_more_than_50",
  unanswered: "not_answered",
};
/** Same audiences as smart lists (§5.5 ids), usable by agencies. */
const AGENCY_SMART: Record<string, string> = { subscribers: "subscribers", followers: "followers", spent50: "spent_more_than_50" };

export function toFanvueInboxQuery(q: Pick<InboxQuery, "filter" | "sort" | "search" | "list">, mode: "self" | "agency"): FanvueInboxQuery {
  const out: FanvueInboxQuery = { sortBy: SORTS[q.sort], search: q.search || undefined, onlyUnanswered: false, note: null };
  if (q.list) {
    const [kind, id] = [q.list.slice(0, q.list.indexOf(":")), q.list.slice(q.list.indexOf(":") + 1)];
    if (kind === "custom") out.customListId = id;
    else out.smartListIds = [id];
  }
  const f = q.filter;
  if (f === "all") return out;
  if (mode === "self" || f === "unread" || f === "online") {
    out.filter = [SELF_FILTER[f]!];
    return out;
  }
  if (f === "unanswered") {
    out.sortBy = SORTS.unanswered;
    out.onlyUnanswered = true;
    if (q.sort !== "unanswered") out.note = "Sorted by most unanswered: Fanvue offers this filter to agencies only in that order.";
    return out;
  }
  out.smartListIds = [AGENCY_SMART[f]!];
  return out;
}

/** "Not answered": the conversation ends with the fan's message. */
export const isUnanswered = (lastSenderUuid: string | null | undefined, creatorUuid: string) => Boolean(lastSenderUuid) && lastSenderUuid !== creatorUuid;
