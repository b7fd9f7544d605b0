import { z } from "zod";
import { checkPrice } from "@/lib/utils/money";
import { INBOX_FILTERS, INBOX_SORTS, MAX_MEDIA, MAX_TEXT } from "./chats-values";

export * from "./chats-values";

// Chats: inputs the /api routes accept and the shapes they answer, shared
// by the route handlers, lib/queries/chats.ts and the inbox UI.

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: "must be a UUID" });
export const fanUuidSchema = uuid;

export type InboxFilter = (typeof INBOX_FILTERS)[number];
export type InboxSort = (typeof INBOX_SORTS)[number];

/** `list`: "custom:<uuid>" or "smart:<id>". One filter at a time, as in
 * Fanvue's own inbox (combinations are not expressible on agency routes). */
export const inboxQuerySchema = z.object({
  filter: z.enum(INBOX_FILTERS).default("all"),
  sort: z.enum(INBOX_SORTS).default("recent"),
  search: z.string().trim().max(100).optional(),
  list: z
    .string()
    .regex(/^(custom:[0-9a-f-]{36}|smart:[a-z0-9_]{1,60})$/i, { error: "list must be custom:<uuid> or smart:<id>" })
    .optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const teamInboxQuerySchema = inboxQuerySchema.omit({ list: true, page: true }).extend({
  cursor: z.string().max(2000).optional(),
});
export type TeamInboxQuery = z.infer<typeof teamInboxQuerySchema>;

export type ChatCreatorTag = { id: string; handle: string; displayName: string };

export type ChatRow = {
  fanUuid: string;
  handle: string;
  displayName: string | null;
  nickname: string | null;
  avatarUrl: string | null;
  isTopSpender: boolean;
  lastMessageAt: string | null;
  lastMessage: {
    text: string | null;
    hasMedia: boolean;
    fromCreator: boolean;
    sentAt: string | null;
    type: string | null;
  } | null;
  unreadCount: number;
  isMuted: boolean;
  /** null: presence unknown (agency routes, or the call failed). */
  isOnline: boolean | null;
  /** Set in the team inbox: whose chat this is. */
  creator?: ChatCreatorTag;
  /** Another member holds this chat (claim or assignment; lib/server/chats/claims.ts). */
  holder?: { name: string; assigned: boolean };
  /** What the fan is worth, from Postgres (lib/server/chats/fan-value.ts); null: nothing known. */
  value?: FanValue | null;
};

/** Lifetime spend (cents), status and last purchase of the fan in a chat row. */
export type FanValue = {
  /** Cents, gross; null: unknown (no complete ledger and no insight yet). */
  spend: number | null;
  /** Our ledger (exact) or Fanvue's own total from the insight cache. */
  spendFrom: "ledger" | "fanvue" | null;
  status: "subscriber" | "trial" | "expired" | "follower" | null;
  lastPurchaseAt: string | null;
};

/** Agency inboxes come from Vuedeck's own copy of Fanvue's chat list (Fanvue
 * offers agencies no filter, search or sort): how fresh it is. */
export type MirrorInfo = {
  /** New messages are in up to this moment (null: first sync not done). */
  syncedAt: string | null;
  /** Read, mute and nickname changes made outside Vuedeck, without webhooks. */
  fullSyncedAt: string | null;
  /** The first sync is running: the list may be incomplete. */
  syncing: boolean;
  /** Chats copied so far during the first sync. */
  chatsSoFar: number;
  /** The last sync failed (our words); the copy stays as it was. */
  error: string | null;
  /** The list (or audience filter) in use: its members' age. */
  list: { syncedAt: string | null; pending: boolean } | null;
};

export type InboxPage = {
  items: ChatRow[];
  page: number;
  hasMore: boolean;
  /** Chats with unread messages (null: unknown; `capped`: at least this many). */
  unread: { chats: number; capped: boolean } | null;
  fetchedAt: string;
  stale: boolean;
  /** Something about this view the user should know (plain words). */
  note: string | null;
  /** Set when the inbox comes from the mirror (agency creators); null: live from Fanvue. */
  mirror: MirrorInfo | null;
  /** The Fanvue sign-in has ended (token refresh failed): nothing here is live until reconnected. */
  reauth: boolean;
};

export type TeamInboxPage = {
  items: ChatRow[];
  nextCursor: string | null;
  creators: ChatCreatorTag[];
  /** Creators whose chats could not be read (live) or are not copied yet (mirror). */
  failed: ChatCreatorTag[];
  /** Oldest sync among the creators shown (null: live, or nothing synced yet). */
  syncedAt: string | null;
  /** The Fanvue sign-in has ended: nothing here is live until reconnected (set by getTeamInbox). */
  reauth?: boolean;
};

export type MessageView = {
  uuid: string;
  text: string | null;
  sentAt: string | null;
  fromCreator: boolean;
  type: string | null;
  mediaUuids: string[];
  mediaType: string | null;
  /** Cents; null for a free message. */
  price: number | null;
  purchasedAt: string | null;
  isRead: boolean;
  /** Who sent it from Vuedeck (a team member), when we know. */
  sentBy: string | null;
  /** A tip's amount in cents (ledger or webhook; lib/server/chats/conversation.ts); null: not a tip, or not known yet. */
  tipAmount: number | null;
};

export type SendStatus = "sending" | "sent" | "failed" | "unknown";

export type SendView = {
  key: string;
  fanUuid: string;
  status: SendStatus;
  messageUuid: string | null;
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  templateUuid: string | null;
  error: string | null;
  sentBy: string;
  createdAt: string;
  sentAt: string | null;
};

export type ConversationPage = {
  items: MessageView[];
  page: number;
  hasMore: boolean;
  /** Sends not (yet) confirmed in the history: sending, failed, state unknown. */
  pending: SendView[];
};

export const sendBodySchema = z
  .object({
    idempotencyKey: z.string().min(8).max(100),
    text: z
      .string()
      .max(MAX_TEXT, { error: `A message can be at most ${MAX_TEXT} characters` })
      .nullish(),
    mediaUuids: z.array(uuid).max(MAX_MEDIA).default([]),
    price: z.number().int({ error: "price must be whole cents" }).nullish(),
    templateUuid: uuid.nullish(),
  })
  .transform((b) => ({
    ...b,
    text: b.text?.trim() ? b.text : null,
    price: b.price ?? null,
    templateUuid: b.templateUuid ?? null,
  }))
  .superRefine((b, ctx) => {
    if (!b.text && b.mediaUuids.length === 0 && !b.templateUuid)
      ctx.addIssue({ code: "custom", path: ["text"], message: "Write a message or attach media." });
    if (b.price !== null && b.mediaUuids.length === 0 && !b.templateUuid)
      ctx.addIssue({ code: "custom", path: ["price"], message: "A price needs media: attach something to unlock." });
    const floor = b.price !== null ? checkPrice(b.price) : null;
    if (floor) ctx.addIssue({ code: "custom", path: ["price"], message: floor });
  });
export type SendBody = z.infer<typeof sendBodySchema>;

export const chatPatchSchema = z
  .object({
    isRead: z.boolean().optional(),
    isMuted: z.boolean().optional(),
    // Empty (or null, from older clients) clears it: Fanvue takes "" for "no nickname".
    nickname: z
      .string()
      .trim()
      .max(30, { error: "A nickname can be at most 30 characters" })
      .nullable()
      .transform((v) => v ?? "")
      .optional(),
  })
  .refine((b) => b.isRead !== undefined || b.isMuted !== undefined || b.nickname !== undefined, {
    error: "Nothing to change.",
  });
export type ChatPatch = z.infer<typeof chatPatchSchema>;

export type TemplateView = {
  uuid: string;
  text: string | null;
  price: number | null;
  mediaUuids: string[];
  folderName: string | null;
};
export type TemplatesView = { supported: boolean; items: TemplateView[] };

export type ChatMediaItem = {
  uuid: string;
  messageUuid: string;
  mediaType: string;
  thumbUrl: string | null;
  width: number | null;
  height: number | null;
};
export type ChatMediaPage = { items: ChatMediaItem[]; nextCursor: string | null; urlsExpireAt: string | null };
