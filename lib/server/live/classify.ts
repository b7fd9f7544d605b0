import "server-only";
import type { LiveEventType } from "@/lib/schemas/live";

// Fanvue's platform events carry no type field (§7.1): route by the
// X-Fanvue-Event header when present (the sandbox sends it), else by shape.
// Pure; unit-tested in classify.test.ts.

const TYPES: readonly LiveEventType[] = [
  "message-received",
  "message-read",
  "new-follower",
  "new-subscriber",
  "purchase-received",
  "tip-received",
];

type P = Record<string, unknown>;
const has = (p: P, k: string) => p[k] !== undefined && p[k] !== null;

export function classifyEvent(header: string | null | undefined, p: P): LiveEventType {
  if (header && (TYPES as readonly string[]).includes(header)) return header as LiveEventType;
  if (has(p, "message") && has(p, "messageUuid")) return "message-received";
  if (has(p, "counterpartUuid") && has(p, "readMessagesCount")) return "message-read";
  if (has(p, "context") || (has(p, "senderUuid") && has(p, "price"))) return "tip-received";
  if ((has(p, "postUuid") || has(p, "routeUuid")) && has(p, "price")) return "purchase-received";
  if (has(p, "price") && has(p, "sender")) return "new-subscriber";
  if (has(p, "sender")) return "new-follower";
  return "unknown";
}

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const obj = (v: unknown) => (v && typeof v === "object" ? (v as P) : {});

/** The fan the event is about, and what to show for it. */
export function eventDetails(p: P) {
  const sender = obj(p.sender);
  const message = obj(p.message);
  const price = typeof p.price === "number" && Number.isInteger(p.price) ? p.price : null;
  const cents = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : null);
  const mediaUuids = Array.isArray(message.mediaUuids)
    ? message.mediaUuids.filter((u): u is string => typeof u === "string")
    : [];
  return {
    recipientUuid: str(p.recipientUuid),
    fanUuid: str(sender.uuid) ?? str(p.senderUuid) ?? str(p.counterpartUuid),
    fan: str(sender.uuid)
      ? {
          uuid: str(sender.uuid)!,
          handle: str(sender.handle),
          displayName: str(sender.displayName),
          avatarUrl: str(sender.avatarUrl),
        }
      : null,
    amount: price,
    text: str(message.text),
    messageUuid: str(p.messageUuid) ?? str(p.routeUuid) ?? str(message.uuid),
    postUuid: str(p.postUuid),
    message: str(message.uuid)
      ? {
          uuid: str(message.uuid)!,
          text: str(message.text),
          mediaUuids,
          price: cents(message.price),
          createdAt: str(message.createdAt),
        }
      : null,
  };
}
