import { z } from "zod";
import { checkPrice } from "@/lib/utils/money";
import { formatCount } from "@/lib/utils/format";

// Posts: the rules of Fanvue's POST/PATCH /posts (contract §5.6), checked in
// the composer as the user types and again by our API before Fanvue sees
// them. Money in integer cents, times as UTC ISO strings.

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

// Typed prices are parsed by `parseMoney` and the $3.00 floor is
// `checkPrice`, both in lib/utils/money.ts (one module for every form).

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

// ─── API inputs ─────────────────────────────────────────────────────────────

const guid = z.guid({ error: "must be a media id (UUID)" });
const iso = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" });

export const postFieldsSchema = z.object({
  text: z
    .string()
    .max(20_000)
    .nullable()
    .transform((t) => (t === null || t.trim() === "" ? null : t)),
  mediaUuids: z.array(guid).max(200),
  previewUuid: guid.nullable(),
  audience: z.enum(AUDIENCES, { error: "audience must be subscribers or followers-and-subscribers" }),
  price: z.number().int().nullable(),
  publishAt: iso.nullable(),
  expiresAt: iso.nullable(),
});

/** Publish or schedule a new post. `key` is the idempotency key: the same key
 * never makes a second post, whatever the clicks and retries. */
export const publishInputSchema = postFieldsSchema.extend({
  key: z.string().regex(/^[\w-]{16,64}$/, { error: "key must be 16–64 letters, digits, - or _" }),
  draftId: z.string().max(40).nullable().default(null),
});
export type PublishInput = z.input<typeof publishInputSchema>;
export type PublishFields = z.output<typeof publishInputSchema>;

/** Edit of a post in the queue: only the fields that change. */
export const updateInputSchema = postFieldsSchema
  .partial()
  .extend({ draftId: z.string().max(40).nullable().optional() });
export type UpdateInput = z.input<typeof updateInputSchema>;
export type UpdateFields = z.output<typeof updateInputSchema>;

// ─── Drafts ─────────────────────────────────────────────────────────────────

/** The composer's fields as entered (the price as typed, so "12." survives a reload). */
export const draftFormSchema = z.object({
  text: z.string().max(20_000).default(""),
  mediaUuids: z.array(guid).max(200).default([]),
  previewUuid: guid.nullable().default(null),
  audience: z.enum(AUDIENCES).default("subscribers"),
  ppv: z.boolean().default(false),
  price: z.string().max(20).default(""),
  schedule: z.enum(["now", "later"]).default("now"),
  publishAt: iso.nullable().default(null),
  expires: z.boolean().default(false),
  expiresAt: iso.nullable().default(null),
});
export type DraftForm = z.output<typeof draftFormSchema>;
export const emptyForm = (): DraftForm => draftFormSchema.parse({});

export const draftCreateSchema = z.object({
  form: draftFormSchema,
  publishKey: z.string().regex(/^[\w-]{16,64}$/),
  editOf: z.string().max(64).nullable().default(null),
});
export const draftSaveSchema = z.object({ form: draftFormSchema, version: z.number().int().min(1) });

export type Draft = {
  id: string;
  editOf: string | null;
  form: DraftForm;
  publishKey: string;
  version: number;
  updatedAt: string;
};
