import type { PostView } from "@/lib/schemas/post-views";
import { centsToDecimal, formatMoney, MIN_PRICE_CENTS, parseMoney } from "@/lib/utils/money";
import type { DraftForm } from "@/lib/schemas/posts";
import { checkPost, type FieldErrors, type PostFields } from "@/lib/schemas/posts-values";

// The composer's form ↔ what Fanvue receives, and every check on it.

/** The composer asks for a minute of margin, so a time cannot slip into the
 * past while the request travels (Fanvue refuses publishAt in the past). */
export const SCHEDULE_LEAD_MS = 60_000;

/** What would be sent, plus the errors only the form can have (a price that
 * is not a number, a date without a time). */
export function fieldsOfForm(f: DraftForm): { fields: PostFields; formErrors: FieldErrors } {
  const formErrors: FieldErrors = {};
  let price: number | null = null;
  if (f.ppv) {
    // The viewer's locale: undefined = the browser's (see parseMoney).
    const parsed = parseMoney(f.price);
    if ("cents" in parsed) price = parsed.cents;
    else
      formErrors.price = f.price.trim() ? parsed.error : `Enter a price of at least ${formatMoney(MIN_PRICE_CENTS)}.`;
  }
  if (f.schedule === "later" && !f.publishAt) formErrors.publishAt = "Pick a date and a time.";
  if (f.expires && !f.expiresAt) formErrors.expiresAt = "Pick when the post expires.";
  return {
    fields: {
      text: f.text.trim() === "" ? null : f.text,
      mediaUuids: f.mediaUuids,
      previewUuid: f.ppv ? f.previewUuid : null,
      audience: f.audience,
      price,
      publishAt: f.schedule === "later" ? f.publishAt : null,
      expiresAt: f.expires ? f.expiresAt : null,
    },
    formErrors,
  };
}

/** Every error of the form as it stands, form errors first (they explain more). */
export function errorsOfForm(f: DraftForm, now: number, mediaError: string | null): FieldErrors {
  const { fields, formErrors } = fieldsOfForm(f);
  const rules = checkPost({ ...fields, price: formErrors.price ? null : fields.price }, now, SCHEDULE_LEAD_MS);
  return { ...rules, ...formErrors, ...(mediaError && !rules.media ? { media: mediaError } : {}) };
}

/** An existing post in the composer's terms. */
export function formOfPost(p: PostView): DraftForm {
  const scheduled = p.publishedAt === null && p.publishAt !== null;
  return {
    text: p.text ?? "",
    mediaUuids: p.mediaUuids,
    previewUuid: p.previewUuid,
    audience: p.audience === "followers-and-subscribers" ? "followers-and-subscribers" : "subscribers",
    ppv: p.price !== null,
    price: p.price !== null ? centsToDecimal(p.price) : "",
    schedule: scheduled ? "later" : "now",
    publishAt: scheduled ? p.publishAt : null,
    expires: p.expiresAt !== null,
    expiresAt: p.expiresAt,
  };
}

/** Only what changed, for PATCH /posts/{uuid} (Fanvue replaces what it is sent). */
export function changesOf(original: PostView, f: DraftForm): Record<string, unknown> {
  const { fields } = fieldsOfForm(f);
  const out: Record<string, unknown> = {};
  if ((original.text ?? null) !== fields.text) out.text = fields.text;
  if (original.mediaUuids.join() !== fields.mediaUuids.join()) out.mediaUuids = fields.mediaUuids;
  if ((original.previewUuid ?? null) !== fields.previewUuid) out.previewUuid = fields.previewUuid;
  if (original.audience !== fields.audience) out.audience = fields.audience;
  if (original.price !== fields.price) out.price = fields.price;
  // A cancelled post is parked far ahead on Fanvue: saving it schedules it again.
  const restore = Boolean(original.cancelledAt);
  if (original.publishedAt === null && (restore || (original.publishAt ?? null) !== fields.publishAt))
    out.publishAt = fields.publishAt;
  if (restore || (original.expiresAt ?? null) !== fields.expiresAt) out.expiresAt = fields.expiresAt;
  return out;
}

/** A fresh idempotency key: one per composed post (crypto-random, URL-safe). */
export function newPublishKey() {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return "pk-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
