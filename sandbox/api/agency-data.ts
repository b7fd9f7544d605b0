// Aggregate agency reads (§6): chats, subscribers, subscriber history and
// earnings across the creators the admin can access. Each figure comes from
// the same world data the per-creator routes read, so they add up.
import { forbidden, send, validation, type Ctx } from "../http";
import type { Sandbox } from "../state";
import { materialize } from "../world/messaging";
import { isSubscriber } from "../world/queries";
import type { Chat, CreatorWorld, Message } from "../world/types";
import { accessibleCreators, requireAgencyAdmin } from "./agency-access";
import { fanUserOf, iso, listParam, pageParams, paged } from "./common";
import { countBefore, sortedTimes } from "./insights";
import { DAY, rangeParams } from "./insights-time";
import { isUuid, type Api } from "./registry";

/** `creatorUuids` filter (≤50); a creator outside the agency is a 403, as on
 * the creator-scoped routes. */
function creatorsParam(ctx: Ctx, accessible: string[]): string[] {
  const wanted = listParam(ctx, "creatorUuids").map((u) => u.toLowerCase());
  if (wanted.length > 50) throw validation("creatorUuids must contain at most 50 items");
  if (wanted.some((u) => !isUuid(u))) throw validation("creatorUuids must contain only valid UUIDs");
  if (wanted.some((u) => !accessible.includes(u))) throw forbidden("Creator is not part of your agency");
  return wanted.length ? accessible.filter((u) => wanted.includes(u)) : accessible;
}

const dateKey = (t: number) => new Date(t).toISOString().slice(0, 10);

export function chatView(sb: Sandbox, c: CreatorWorld, chat: Chat) {
  // Same rules as the /chats rows: newest by sentAt, later position winning
  // ties; media the vault no longer knows reads "unknown".
  let last: Message | null = null;
  for (const m of materialize(sb.world.seed, c, chat)) if (!last || m.sentAt >= last.sentAt) last = m;
  const fan = c.fans[chat.fanIdx]!;
  return {
    createdAt: iso(chat.createdAt),
    lastMessageAt: iso(chat.lastMessageAt),
    isRead: chat.unreadCount === 0,
    isMuted: chat.isMuted,
    unreadMessagesCount: chat.unreadCount,
    user: fanUserOf(c, chat.fanIdx),
    lastMessage: last && {
      uuid: last.uuid,
      text: last.text,
      type: last.type,
      sentAt: iso(last.sentAt),
      hasMedia: last.mediaUuids.length > 0,
      mediaType:
        last.mediaUuids[0] === undefined ? null : (c.mediaIndex.get(last.mediaUuids[0])?.mediaType ?? "unknown"),
      senderUuid: last.fromFan ? fan.uuid : c.account.uuid,
      sentByUserId: last.sentByUserId,
    },
    creatorUuid: c.account.uuid,
  };
}

export function registerAgencyData(api: Api, sb: Sandbox) {
  const creatorsOf = (uuids: string[]) =>
    uuids.map((u) => sb.world.creators.get(u)).filter((c): c is CreatorWorld => Boolean(c));

  api.route("GET", "/agencies/chats", { subject: "account" }, (ctx) => {
    const m = requireAgencyAdmin(sb, ctx);
    const p = pageParams(ctx);
    const rows: { c: CreatorWorld; k: number; chat: Chat }[] = [];
    creatorsOf(accessibleCreators(m)).forEach((c, k) => {
      for (const chat of c.chats.values()) rows.push({ c, k, chat });
    });
    rows.sort((a, b) => b.chat.lastMessageAt - a.chat.lastMessageAt || a.k - b.k || a.chat.fanIdx - b.chat.fanIdx);
    // Only the page's chats are materialised: histories are built lazily.
    send(
      ctx,
      200,
      paged(rows, p, (r) => chatView(sb, r.c, r.chat)),
    );
  });

  api.route("GET", "/agencies/subscribers", { subject: "account" }, (ctx) => {
    const m = requireAgencyAdmin(sb, ctx);
    const p = pageParams(ctx);
    const rows: { c: CreatorWorld; k: number; i: number }[] = [];
    creatorsOf(creatorsParam(ctx, accessibleCreators(m))).forEach((c, k) => {
      c.relations.forEach((r, i) => {
        if (isSubscriber(r)) rows.push({ c, k, i });
      });
    });
    const at = (r: (typeof rows)[number]) => r.c.relations[r.i]!.subscribedAt ?? 0;
    rows.sort((a, b) => at(b) - at(a) || a.k - b.k || b.i - a.i);
    send(
      ctx,
      200,
      paged(rows, p, ({ c, i }) => {
        const r = c.relations[i]!;
        // Auto-renewing subscriptions have no end date yet.
        return {
          ...fanUserOf(c, i),
          creatorUuid: c.account.uuid,
          subscribedAt: iso(r.subscribedAt),
          expiresAt: r.autoRenew ? null : iso(r.renewsAt),
        };
      }),
    );
  });

  api.route("GET", "/agencies/subscribers-history", { subject: "account" }, (ctx) => {
    const m = requireAgencyAdmin(sb, ctx);
    const { start, end } = rangeParams(ctx, true) as { start: number; end: number };
    if (end - start > 365 * DAY) throw validation("the range between startDate and endDate must be at most 365 days");
    const p = pageParams(ctx);
    const creators = creatorsOf(creatorsParam(ctx, accessibleCreators(m)));
    const firstDay = Math.floor(start / DAY);
    const days = Math.ceil(end / DAY) - firstDay;
    const times = creators.map((c) => ({
      subs: sortedTimes(c.relations.map((r) => r.subscribedAt)),
      cancels: sortedTimes(c.relations.map((r) => r.expiredAt)),
    }));
    const count = (arr: Float64Array, a: number, b: number) => countBefore(arr, b) - countBefore(arr, a);
    // Rows are (day, creator) pairs, oldest day first; only the page is computed.
    const keys = Array.from({ length: days * creators.length }, (_, k) => k);
    send(
      ctx,
      200,
      paged(keys, p, (k) => {
        const d = Math.floor(k / creators.length);
        const ci = k % creators.length;
        const t = times[ci]!;
        const a = Math.max(start, (firstDay + d) * DAY);
        const b = Math.min(end, (firstDay + d + 1) * DAY);
        return {
          creatorUuid: creators[ci]!.account.uuid,
          date: dateKey((firstDay + d) * DAY),
          total: count(t.subs, start, b) - count(t.cancels, start, b),
          newSubscribersCount: count(t.subs, a, b),
          cancelledSubscribersCount: count(t.cancels, a, b),
        };
      }),
    );
  });

  api.route("GET", "/agencies/earnings", { subject: "account" }, (ctx) => {
    const m = requireAgencyAdmin(sb, ctx);
    const { start, end } = rangeParams(ctx, true) as { start: number; end: number };
    const p = pageParams(ctx);
    const creators = creatorsOf(creatorsParam(ctx, accessibleCreators(m)));
    const rows: { creatorUuid: string; day: number; k: number; gross: number; net: number }[] = [];
    creators.forEach((c, k) => {
      const l = c.ledger;
      const byDay = new Map<number, { gross: number; net: number }>();
      for (let i = l.lowerBound(start), hi = l.lowerBound(end); i < hi; i++) {
        const day = Math.floor(l.at[i]! / DAY);
        let cell = byDay.get(day);
        if (!cell) byDay.set(day, (cell = { gross: 0, net: 0 }));
        cell.gross += l.gross[i]!;
        cell.net += l.net[i]!;
      }
      for (const [day, v] of byDay) rows.push({ creatorUuid: c.account.uuid, day, k, ...v });
    });
    rows.sort((a, b) => a.day - b.day || a.k - b.k);
    send(
      ctx,
      200,
      paged(rows, p, (r) => ({
        creatorUuid: r.creatorUuid,
        date: dateKey(r.day * DAY),
        gross: r.gross,
        net: r.net,
        currency: "USD",
      })),
    );
  });
}
