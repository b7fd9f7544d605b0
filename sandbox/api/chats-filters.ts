// GET /chats query handling (§5.2): filters, lists, search and sort orders.
// Definitions the contract leaves open are fixed here so they stay stable:
// - subscribed_to: chats with users the creator subscribes to. Fans have no
//   subscription page, so in a creator's inbox it matches nobody.
// - recent_subscribers: active subscribers who subscribed in the last 30 days.
// - not_answered / most_unanswered_chats: the fan's messages at the end of the
//   conversation that have no creator reply yet (needs the built history).
// - exclude_creators: counterparts are always fans here, so it removes nobody.
import { forbidden, HttpError, validation, type Ctx } from "../http";
import type { Sandbox } from "../state";
import { inSmartList, isFollower, isSubscriber, lifetimeGross } from "../world/queries";
import type { Chat, CreatorWorld } from "../world/types";
import { enumParam } from "./common";
import { arrayQuery, materializeMany, messagesOf } from "./chats-shared";
import { isUuid } from "./registry";

const DAY = 86_400_000;
const OPEN_FILTERS = ["unread", "online", "subscribed_to", "not_muted"] as const;
const CREATOR_FILTERS = ["subscribers", "followers", "recent_subscribers", "not_answered", "spent_more_than_50", "on_free_trial", "has_tipped", "spenders", "exclude_creators"] as const;
const ALL_FILTERS: readonly string[] = [...OPEN_FILTERS, ...CREATOR_FILTERS];
const SORTS = ["most_recent_messages", "online_now", "most_unanswered_chats"] as const;

/** Fan messages after the creator's last reply (ties: later position is newer). */
export function unansweredCount(sb: Sandbox, c: CreatorWorld, chat: Chat): number {
  const messages = messagesOf(sb, c, chat);
  let lastReply = -1;
  messages.forEach((m, i) => {
    const best = messages[lastReply];
    if (!m.fromFan && (!best || m.sentAt >= best.sentAt)) lastReply = i;
  });
  const cut = messages[lastReply];
  let n = 0;
  messages.forEach((m, i) => {
    if (m.fromFan && (!cut || m.sentAt > cut.sentAt || (m.sentAt === cut.sentAt && i > lastReply))) n++;
  });
  return n;
}

function hasTipped(c: CreatorWorld, fanIdx: number) {
  return c.ledger.rowsOfFan(fanIdx).some((i) => c.ledger.row(i).source === "tip");
}

/** Returns the creator's chats matching the query, in the requested order. */
export function selectChats(sb: Sandbox, ctx: Ctx & { account: { uuid: string } }, c: CreatorWorld): Chat[] {
  const filters = arrayQuery(ctx.query, "filter");
  const unknown = filters.filter((f) => !ALL_FILTERS.includes(f));
  if (unknown.length) throw validation(`filter must be one of: ${ALL_FILTERS.join(", ")}`);
  const creatorOnly = filters.filter((f) => (CREATOR_FILTERS as readonly string[]).includes(f));
  if (creatorOnly.length && !sb.world.creators.has(ctx.account.uuid)) {
    throw forbidden(`Filter ${creatorOnly.join(", ")} is only available to creators`);
  }
  const sortBy = enumParam(ctx, "sortBy", SORTS, "most_recent_messages")!;
  const search = (ctx.query.get("search") ?? "").trim().toLowerCase();
  if (search.length > 100) throw validation("search must be at most 100 characters");
  const customListId = ctx.query.get("customListId");
  let customMembers: Set<number> | null = null;
  if (customListId !== null && customListId !== "") {
    if (!isUuid(customListId)) throw validation("customListId must be a valid UUID");
    const list = c.customLists.find((l) => l.uuid === customListId);
    if (!list) throw new HttpError(404, { message: "Custom list not found" });
    customMembers = list.members;
  }
  const smartLists = arrayQuery(ctx.query, "smartListIds");
  const now = sb.clock.now();
  const spend = filters.includes("spent_more_than_50") || filters.includes("spenders") ? lifetimeGross(c) : null;

  const keep = (chat: Chat) => {
    const i = chat.fanIdx;
    const fan = c.fans[i]!;
    const r = c.relations[i]!;
    if (customMembers && !customMembers.has(i)) return false;
    if (smartLists.length && !smartLists.some((id) => inSmartList(c, id, i))) return false;
    if (search) {
      const hay = [fan.displayName, fan.handle, r.nickname ?? ""].map((s) => s.toLowerCase());
      if (!hay.some((s) => s.includes(search))) return false;
    }
    for (const f of filters) {
      const ok =
        f === "unread" ? chat.unreadCount > 0
        : f === "online" ? fan.isOnline
        : f === "subscribed_to" ? false
        : f === "not_muted" ? !chat.isMuted
        : f === "subscribers" ? isSubscriber(r)
        : f === "followers" ? isFollower(r)
        : f === "recent_subscribers" ? isSubscriber(r) && r.subscribedAt !== null && r.subscribedAt >= now - 30 * DAY
        : f === "not_answered" ? unansweredCount(sb, c, chat) > 0
        : f === "spent_more_than_50" ? spend![i]! > 5000
        : f === "on_free_trial" ? isSubscriber(r) && r.onFreeTrial
        : f === "has_tipped" ? hasTipped(c, i)
        : f === "spenders" ? spend![i]! > 0
        : true; // exclude_creators
      if (!ok) return false;
    }
    return true;
  };

  if (filters.includes("not_answered") || sortBy === "most_unanswered_chats") materializeMany(sb, c, c.chats.values());
  const rows = [...c.chats.values()].filter(keep);
  const recent = (a: Chat, b: Chat) => b.lastMessageAt - a.lastMessageAt || a.fanIdx - b.fanIdx;
  if (sortBy === "online_now") {
    const on = (x: Chat) => (c.fans[x.fanIdx]!.isOnline ? 1 : 0);
    rows.sort((a, b) => on(b) - on(a) || recent(a, b));
  } else if (sortBy === "most_unanswered_chats") {
    const counts = new Map(rows.map((x) => [x, unansweredCount(sb, c, x)]));
    rows.sort((a, b) => counts.get(b)! - counts.get(a)! || recent(a, b));
  } else {
    rows.sort(recent);
  }
  return rows;
}
