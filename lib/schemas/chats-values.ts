import { list, oneOf, text, urlSchema } from "@/lib/url-state/fields";

// The chats values client code needs at run time, without zod (./chats.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

// The $3.00 floor for a paid message is `checkPrice` (lib/utils/money.ts).
/** Fanvue's text limit for one message (§5.3). */
export const MAX_TEXT = 5000;

/** Attachments per message: a generous cap (Fanvue documents none). */
export const MAX_MEDIA = 20;

export const INBOX_FILTERS = ["all", "unread", "online", "subscribers", "followers", "spent50", "unanswered"] as const;

export const INBOX_SORTS = ["recent", "unanswered", "online"] as const;

const UUID = /^[0-9a-f-]{36}$/i;

/** The inbox's URL (lib/url-state), to the limits of inboxQuerySchema (url-schemas.test.ts):
 * filter, sort, search and list, the open chat, the creator of a team-inbox chat, the team
 * switch and the media picked for the composer. */
export const inboxUrlSchema = urlSchema({
  filter: oneOf(INBOX_FILTERS, "all"),
  sort: oneOf(INBOX_SORTS, "recent"),
  q: text({ max: 100, trim: true }),
  list: text({ max: 100, pattern: /^(custom:[0-9a-f-]{36}|smart:[a-z0-9_]{1,60})$/i }),
  chat: text({ max: 36, pattern: UUID }),
  cc: text({ max: 64 }),
  team: oneOf(["0", "1"], "0"),
  media: list((s): s is string => UUID.test(s), MAX_MEDIA),
});
