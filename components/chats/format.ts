import type { ChatRow, MessageView } from "@/lib/schemas/chats";
import { formatMoney } from "@/lib/utils/format";

// Display helpers for chats. Times arrive in UTC; shown in the viewer's zone.

export const chatName = (c: Pick<ChatRow, "nickname" | "displayName" | "handle">) =>
  c.nickname || c.displayName || `@${c.handle}`;

/** Every message type Fanvue's reference lists, in words; null for an
 * ordinary message. An unknown future type shows nothing rather than a code. */
const MESSAGE_TYPES: Record<string, string | null> = {
  SINGLE_RECIPIENT: null,
  BROADCAST: "Mass message",
  TIP: "Tip",
  LOCKED_MESSAGE_UNLOCKED: "Unlocked message",
  VOICE_CALL: "Voice call",
  AUTOMATED_NEW_FOLLOWER: "Automatic message: new follower",
  AUTOMATED_NEW_SUBSCRIBER: "Automatic message: new subscriber",
  AUTOMATED_RE_SUBSCRIBED: "Automatic message: subscribed again",
  AUTOMATED_RENEWED: "Automatic message: subscription renewed",
  AUTOMATED_CANCELED: "Automatic message: subscription cancelled",
  AUTOMATED_NEW_PURCHASE: "Automatic message: purchase",
  AUTOMATED_FIRST_MESSAGE_REPLY: "Automatic reply to a first message",
  AUTOMATED_CHAT_MESSAGE_REPLY: "Automatic reply",
  CHAT_TEXT_GENERATION: "Written with Fanvue's AI",
  CHAT_TEXT_REWRITE: "Rewritten with Fanvue's AI",
  CHAT_TEXT_REPLY: "Reply suggested by Fanvue's AI",
  GHOST_PROMOTION: "Promotion",
  MARKETING_KYC: "Notice from Fanvue",
};
export const messageTypeLabel = (type: string | null | undefined) => (type ? (MESSAGE_TYPES[type] ?? null) : null);
export const MESSAGE_TYPE_KEYS = Object.keys(MESSAGE_TYPES);

export function previewOf(c: ChatRow) {
  const m = c.lastMessage;
  if (!m) return "No messages yet";
  const body =
    m.text?.trim() || (m.hasMedia ? "Sent media" : m.type === "TIP" ? "Sent a tip" : (messageTypeLabel(m.type) ?? "…"));
  return m.fromCreator ? `You: ${body}` : body;
}

export const priceLabel = (cents: number | null) => (cents === null ? null : formatMoney(cents));

export const isPpv = (m: Pick<MessageView, "price">) => m.price !== null;

export const newKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
