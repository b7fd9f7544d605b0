import "server-only";
import type { PushPayload } from "@/lib/schemas/push";
import { formatMoney } from "@/lib/utils/money";

// What each notification says: a title, one line naming the amount, the fan
// and the creator, the page a tap opens, and a tag (a newer notification with
// the same tag replaces the older one on the device). No tokens, no ids a
// stranger could use: only what the lock screen shows and an in-app path.

export type FanRef = { uuid: string; handle: string | null; displayName: string | null };

export const fanLabel = (fan: FanRef | null) => (fan?.handle ? `@${fan.handle}` : fan?.displayName?.trim() || "A fan");

const chatUrl = (creatorId: string, fanUuid: string) => `/c/${creatorId}/chats?chat=${encodeURIComponent(fanUuid)}`;
const fanUrl = (creatorId: string, fanUuid: string) => `/c/${creatorId}/fans?fan=${encodeURIComponent(fanUuid)}`;
const quote = (text: string, max = 80) => `“${text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text}”`;

export function tipNotice(
  c: { id: string; name: string },
  fan: FanRef,
  cents: number | null,
  seq: number,
): PushPayload {
  return {
    title: "New tip",
    body: `Tip ${cents === null ? "" : `${formatMoney(cents)} `}from ${fanLabel(fan)} · ${c.name}`,
    url: chatUrl(c.id, fan.uuid),
    tag: `tip:${seq}`,
  };
}

export function subscriberNotice(c: { id: string; name: string }, fan: FanRef): PushPayload {
  return {
    title: "New subscriber",
    body: `${fanLabel(fan)} subscribed · ${c.name}`,
    url: fanUrl(c.id, fan.uuid),
    tag: `subscriber:${c.id}:${fan.uuid}`,
  };
}

export function whaleNotice(
  c: { id: string; name: string },
  fan: FanRef,
  lifetimeCents: number,
  text: string | null,
): PushPayload {
  const said = text?.trim() ? `: ${quote(text.trim())}` : " sent a message";
  return {
    title: "Message from a big spender",
    body: `${fanLabel(fan)} (${formatMoney(lifetimeCents)} spent)${said} · ${c.name}`,
    url: chatUrl(c.id, fan.uuid),
    tag: `chat:${c.id}:${fan.uuid}`,
  };
}

export function unansweredNotice(
  c: { id: string; name: string },
  waiting: { fan: FanRef; minutes: number }[],
  threshold: number,
): PushPayload {
  const first = waiting[0]!;
  return {
    title: "Waiting for an answer",
    body:
      waiting.length === 1
        ? `${fanLabel(first.fan)} has waited ${first.minutes} min for an answer · ${c.name}`
        : `${waiting.length} fans have waited over ${threshold} min for an answer · ${c.name}`,
    url: waiting.length === 1 ? chatUrl(c.id, first.fan.uuid) : `/c/${c.id}/chats`,
    tag: `unanswered:${c.id}`,
  };
}

export function automationFailureNotice(
  c: { id: string; name: string },
  a: { id: string; name: string },
  fan: FanRef,
  reason: string | null,
): PushPayload {
  return {
    title: "Automation failed",
    body: `“${a.name}” could not run for ${fanLabel(fan)}${reason ? `: ${reason}` : ""} · ${c.name}`,
    url: `/c/${c.id}/automations`,
    tag: `automation:${a.id}`,
  };
}

export const testNotice = (): PushPayload => ({
  title: "Vuedeck test notification",
  body: "Notifications work on this device.",
  url: "/",
  tag: "test",
});
