// GET /agencies/insights/chatter-leaderboard (§6, [L–M]). Fanvue's numbers
// are refreshed daily from its own chatter tracking; the sandbox derives them
// from the messages team members sent (`sentByUserId`). Such messages only
// exist in chats that were written to, which are always materialised, so the
// scan never has to generate untouched histories.
import { send, validation } from "../http";
import type { Sandbox } from "../state";
import type { Message } from "../world/types";
import { accessibleCreators, requireAgencyAdmin } from "./agency-access";
import { listParam } from "./common";
import { DAY, HOUR, rangeParams } from "./insights-time";
import { isUuid, type Api } from "./registry";

type Tally = {
  messages: number;
  ppvsSent: number;
  ppvsUnlocked: number;
  revenue: number;
  hours: Set<number>;
  responseMs: number[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export function registerLeaderboard(api: Api, sb: Sandbox) {
  api.route("GET", "/agencies/insights/chatter-leaderboard", { subject: "account" }, (ctx) => {
    const m = requireAgencyAdmin(sb, ctx);
    const q = rangeParams(ctx);
    const end = q.end ?? sb.clock.now();
    const start = q.start ?? end - 30 * DAY;
    const wanted = listParam(ctx, "chatterUuids").map((u) => u.toLowerCase());
    if (wanted.some((u) => !isUuid(u))) throw validation("chatterUuids must contain only valid UUIDs");
    const chatters = m.agency.team.filter((t) => wanted.length === 0 || wanted.includes(t.uuid));
    const tallies = new Map<string, Tally>(
      chatters.map((t) => [
        t.uuid,
        { messages: 0, ppvsSent: 0, ppvsUnlocked: 0, revenue: 0, hours: new Set(), responseMs: [] },
      ]),
    );

    for (const uuid of accessibleCreators(m)) {
      const c = sb.world.creators.get(uuid);
      if (!c) continue;
      for (const chat of c.chats.values()) {
        if (!chat.messages) continue;
        let prev: Message | null = null;
        for (const msg of [...chat.messages].sort((a, b) => a.sentAt - b.sentAt)) {
          const t = msg.sentByUserId ? tallies.get(msg.sentByUserId) : undefined;
          if (t && !msg.fromFan && msg.sentAt >= start && msg.sentAt < end) {
            t.messages++;
            t.hours.add(Math.floor(msg.sentAt / HOUR));
            if (msg.price !== null) {
              t.ppvsSent++;
              if (msg.purchasedAt !== null) {
                t.ppvsUnlocked++;
                t.revenue += msg.price;
              }
            }
            if (prev?.fromFan) t.responseMs.push(msg.sentAt - prev.sentAt);
          }
          prev = msg;
        }
      }
    }

    const data = chatters.map((member) => {
      const t = tallies.get(member.uuid)!;
      const acc = sb.world.accounts.get(member.uuid);
      const activeHours = t.hours.size;
      return {
        chatterUuid: member.uuid,
        chatterName: member.nickname ?? acc?.displayName ?? "",
        avatarUrl: acc?.avatarUrl ?? null,
        activeHours,
        avgResponseMs: t.responseMs.length
          ? Math.round(t.responseMs.reduce((a, b) => a + b, 0) / t.responseMs.length)
          : null,
        // Earnings per active hour, in cents.
        eph: activeHours ? Math.round(t.revenue / activeHours) : 0,
        // Share of messages that were pay-to-view offers.
        goldenRatio: t.messages ? round2(t.ppvsSent / t.messages) : 0,
        messages: t.messages,
        ppvsSent: t.ppvsSent,
        ppvsUnlocked: t.ppvsUnlocked,
        revenue: t.revenue,
        unlockRatio: t.ppvsSent ? round2(t.ppvsUnlocked / t.ppvsSent) : 0,
      };
    });
    data.sort((a, b) => b.revenue - a.revenue || b.messages - a.messages || a.chatterName.localeCompare(b.chatterName));
    send(ctx, 200, { data });
  });
}
