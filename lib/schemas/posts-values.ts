import { checkPrice } from "@/lib/utils/money";
import { formatCount } from "@/lib/utils/format";
import type { DraftForm } from "./posts";

// The posts values client code needs at run time, without zod (./posts.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

export const AUDIENCES = ["subscribers", "followers-and-subscribers"] as const;

export type Audience = (typeof AUDIENCES)[number];

export const MAX_TEXT = 5000;

/** Fanvue's composer takes up to 50 files per post. */
export const MAX_MEDIA = 50;

/** The fields a check can name, as the composer labels them. */
export type PostField = "text" | "media" | "preview" | "audience" | "price" | "publishAt" | "expiresAt";

export type FieldErrors = Partial<Record<PostField, string>>;

/** Text length as Fanvue measures it (UTF-16 code units, so most emoji count
 * as 2): the counter then matches what Fanvue accepts to the character. */
export const textLength = (s: string) => s.length;

export type PostFields = {
  text: string | null;
  mediaUuids: string[];
  previewUuid: string | null;
  audience: Audience;
  price: number | null;
  publishAt: string | null;
  expiresAt: string | null;
};

/** Every rule Fanvue applies, as messages naming the field. `leadMs`: how
 * far ahead a scheduled time must be (the composer keeps a margin so a time
 * does not slip into the past while the request travels). */
export function checkPost(p: PostFields, now: number, leadMs = 0): FieldErrors {
  const e: FieldErrors = {};
  const len = textLength(p.text ?? "");
  const over = len - MAX_TEXT;
  if (over > 0) e.text = `Text is ${formatCount(over)} character${over === 1 ? "" : "s"} over Fanvue's 5,000 limit.`;
  else if (len === 0 && p.mediaUuids.length === 0) e.text = "Write something or attach media: a post cannot be empty.";
  if (p.mediaUuids.length > MAX_MEDIA) e.media = `A post takes at most ${MAX_MEDIA} media items.`;
  else if (new Set(p.mediaUuids).size !== p.mediaUuids.length) e.media = "The same item is attached twice.";
  if (p.price !== null) {
    const floor = checkPrice(p.price);
    if (!Number.isInteger(p.price) && floor) e.price = floor;
    else if (p.mediaUuids.length === 0)
      e.price = "A pay-per-view post needs at least one media item. Attach media or make it free.";
    else if (floor) e.price = floor;
  }
  if (p.previewUuid !== null && !p.mediaUuids.includes(p.previewUuid))
    e.preview = "The free preview must be one of the attached items.";
  const publishAt = p.publishAt === null ? null : Date.parse(p.publishAt);
  if (publishAt !== null && (Number.isNaN(publishAt) || publishAt <= now + leadMs)) {
    e.publishAt = leadMs >= 60_000 ? "Pick a time at least a minute from now." : "Publish time must be in the future.";
  }
  if (p.expiresAt !== null) {
    const exp = Date.parse(p.expiresAt);
    if (Number.isNaN(exp) || exp <= Math.max(now, publishAt ?? now))
      e.expiresAt = "Expiry must be after the publish time.";
  }
  return e;
}

/** A new post's form: draftFormSchema's defaults (posts.test.ts holds the two equal). */
export const emptyForm = (): DraftForm => ({
  text: "",
  mediaUuids: [],
  previewUuid: null,
  audience: "subscribers",
  ppv: false,
  price: "",
  schedule: "now",
  publishAt: null,
  expires: false,
  expiresAt: null,
});
