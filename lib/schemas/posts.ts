import { z } from "zod";
import { AUDIENCES } from "./posts-values";

export * from "./posts-values";

// Posts: the rules of Fanvue's POST/PATCH /posts (contract §5.6), checked in
// the composer as the user types and again by our API before Fanvue sees
// them. Money in integer cents, times as UTC ISO strings.

// Typed prices are parsed by `parseMoney` and the $3.00 floor is
// `checkPrice`, both in lib/utils/money.ts (one module for every form).

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
