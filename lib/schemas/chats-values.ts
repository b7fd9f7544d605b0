// The chats values client code needs at run time, without zod (./chats.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

// The $3.00 floor for a paid message is `checkPrice` (lib/utils/money.ts).
/** Fanvue's text limit for one message (§5.3). */
export const MAX_TEXT = 5000;

/** Attachments per message: a generous cap (Fanvue documents none). */
export const MAX_MEDIA = 20;
