// GET /chats query handling (§5.2): filters, lists, search and sort orders.
// Only the self route documents them; the agency route
// (`/creators/{c}/chats`) documents page and size alone, so it lists every
// chat most recent first (`recentChats`) and never reads a filter.
//
// The contract layer (sandbox/contract.ts) has already refused undocumented
// parameters and values outside the reference's enums and limits, so this
// module only gives documented values their meaning. Definitions the
// reference leaves open are fixed here so they stay stable:
// - subscribed_to: chats with users the creator subscribes to. Fans have no
//   subscription page, so in a creator's inbox it matches nobody.
// - recent_subscribers: active subscribers who subscribed in the last 30 days.
// - not_answered / most_unanswered_chats: the fan's messages at the end of the
//   conversation that have no creator reply yet (needs the built history).
// - exclude_creators: counterparts are always fans here, so it removes nobody.
// - archived: the sandbox has no archive, so it matches nobody.
import { HttpError, type Ctx } from "../http";
import type { Sandbox } from "../state";
import { inSmartList, isFollower, isSubscriber, lifetimeGross } from "../world/queries";
import type { Chat, CreatorWorld } from "../world/types";
import { materializeMany, messagesOf } from "./chats-shared";

const DAY = 86_400_000;

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

const byRecency = (a: Chat, b: Chat) => b.lastMessageAt - a.lastMessageAt || a.fanIdx - b.fanIdx;

/** Every chat, most recent message first: all the agency route offers. */
export const recentChats = (c: CreatorWorld): Chat[] => [...c.chats.values()].sort(byRecency);

type Keep = (chat: Chat) => boolean;

function filterTest(sb: Sandbox, c: CreatorWorld, f: string, spend: Float64Array | null): Keep {
  const now = sb.clock.now();
  const rel = (chat: Chat) => c.relations[chat.fanIdx]!;
  switch (f) {
    case "unread":
      return (chat) => chat.unreadCount > 0;
    case "online":
      return (chat) => c.fans[chat.fanIdx]!.isOnline;
    case "not_muted":
      return (chat) => !chat.isMuted;
    case "subscribers":
      return (chat) => isSubscriber(rel(chat));
    case "followers":
      return (chat) => isFollower(rel(chat));
    case "recent_subscribers":
      return (chat) =>
        isSubscriber(rel(chat)) && rel(chat).subscribedAt !== null && rel(chat).subscribedAt! >= now - 30 * DAY;
    case "not_answered":
      return (chat) => unansweredCount(sb, c, chat) > 0;
    case "spent_more_than_50":
      return (chat) => spend![chat.fanIdx]! > 5000;
    case "spenders":
      return (chat) => spend![chat.fanIdx]! > 0;
    case "on_free_trial":
      return (chat) => isSubscriber(rel(chat)) && rel(chat).onFreeTrial;
    case "has_tipped":
      return (chat) => hasTipped(c, chat.fanIdx);
    case "subscribed_to":
    case "archived":
      return () => false;
    default:
      return () => true; // exclude_creators
  }
}

/** The self route's chats matching the documented query, in its order. */
export function selectChats(sb: Sandbox, ctx: Ctx, c: CreatorWorld): Chat[] {
  const filters = ctx.query.getAll("filter");
  const sortBy = ctx.query.get("sortBy") ?? "most_recent_messages";
  const search = (ctx.query.get("search") ?? "").trim().toLowerCase();
  const smartLists = ctx.query.getAll("smartListIds");
  const customListId = ctx.query.get("customListId");
  const keeps: Keep[] = [];
  if (customListId) {
    const list = c.customLists.find((l) => l.uuid === customListId);
    if (!list) throw new HttpError(404, { message: "Custom list not found" });
    keeps.push((chat) => list.members.has(chat.fanIdx));
  }
  if (smartLists.length) keeps.push((chat) => smartLists.some((id) => inSmartList(c, id, chat.fanIdx)));
  if (search) {
    keeps.push((chat) => {
      const fan = c.fans[chat.fanIdx]!;
      return [fan.displayName, fan.handle, c.relations[chat.fanIdx]!.nickname ?? ""].some((s) =>
        s.toLowerCase().includes(search),
      );
    });
  }
  const spend = filters.includes("spent_more_than_50") || filters.includes("spenders") ? lifetimeGross(c) : null;
  for (const f of filters) keeps.push(filterTest(sb, c, f, spend));

  if (filters.includes("not_answered") || sortBy === "most_unanswered_chats") materializeMany(sb, c, c.chats.values());
  const rows = [...c.chats.values()].filter((chat) => keeps.every((k) => k(chat)));
  if (sortBy === "online_now") {
    const on = (x: Chat) => (c.fans[x.fanIdx]!.isOnline ? 1 : 0);
    rows.sort((a, b) => on(b) - on(a) || byRecency(a, b));
  } else if (sortBy === "most_unanswered_chats") {
    const counts = new Map(rows.map((x) => [x, unansweredCount(sb, c, x)]));
    rows.sort((a, b) => counts.get(b)! - counts.get(a)! || byRecency(a, b));
  } else {
    rows.sort(byRecency);
  }
  return rows;
}
