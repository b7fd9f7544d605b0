import { z } from "zod";
import { checkPrice } from "@/lib/utils/money";
import { MAX_MEDIA, MAX_TEXT } from "./chats";

// Mass messages ("campaigns") and lists: inputs and views shared by the
// routes, lib/queries and the composer.

/** Hold-out share bounds: above half, the "control" is the main group. */
export const MAX_HOLDOUT_PERCENT = 50;

const listId = z.string().regex(/^[a-z0-9_]{1,60}$/i, { error: "invalid smart list id" });
const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: "must be a UUID" });

export const listRefsSchema = z.object({
  smart: z.array(listId).max(20).default([]),
  custom: z.array(uuid).max(50).default([]),
});
export type ListRefsInput = z.infer<typeof listRefsSchema>;

export const campaignBodySchema = z
  .object({
    idempotencyKey: z.string().min(8).max(100),
    text: z
      .string()
      .max(MAX_TEXT, { error: `A message can be at most ${MAX_TEXT} characters` })
      .nullish(),
    mediaUuids: z.array(uuid).max(MAX_MEDIA).default([]),
    price: z.number().int({ error: "price must be whole cents" }).nullish(),
    included: listRefsSchema,
    excluded: listRefsSchema.default({ smart: [], custom: [] }),
    holdoutPercent: z.number().int().min(0).max(MAX_HOLDOUT_PERCENT).default(0),
    scheduledAt: z.iso.datetime({ offset: true }).nullish(),
  })
  .transform((b) => ({
    ...b,
    text: b.text?.trim() ? b.text : null,
    price: b.price ?? null,
    scheduledAt: b.scheduledAt ?? null,
  }))
  .superRefine((b, ctx) => {
    if (!b.text && b.mediaUuids.length === 0)
      ctx.addIssue({ code: "custom", path: ["text"], message: "Write a message or attach media." });
    if (b.price !== null && b.mediaUuids.length === 0)
      ctx.addIssue({ code: "custom", path: ["price"], message: "A price needs media: attach something to unlock." });
    const floor = b.price !== null ? checkPrice(b.price) : null;
    if (floor) ctx.addIssue({ code: "custom", path: ["price"], message: floor });
    if (b.included.smart.length + b.included.custom.length === 0)
      ctx.addIssue({ code: "custom", path: ["included"], message: "Choose at least one list to send to." });
    if (b.scheduledAt && Date.parse(b.scheduledAt) <= Date.now())
      ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: "Pick a time in the future." });
  });
export type CampaignBody = z.infer<typeof campaignBodySchema>;

export type SmartListView = { id: string; name: string; count: number };
export type CustomListView = { uuid: string; name: string; membersCount: number; createdAt: string | null };
export type ListsView = {
  smart: SmartListView[];
  custom: CustomListView[];
  canEdit: boolean;
  /** When the older of the two kinds was read from Fanvue (lists are cached). */
  fetchedAt: string;
  stale: boolean;
  /** A kind Fanvue did not give (plain words), while the other still shows. */
  missing: { smart: string | null; custom: string | null };
};

/** A custom list just created on Fanvue. */
export type CreatedList = { uuid: string; name: string };
export type ListMemberView = { uuid: string; handle: string | null; displayName: string | null };
export type ListMembersPage = { items: ListMemberView[]; page: number; hasMore: boolean };
export type ListMembersAdded = { added: number; skipped: number };
/** Custom list uuid → whether the fan is in it (lists too large to read are left out). */
export type ListMembership = Record<string, boolean>;

export type EstimateView = {
  /** Fans in the included lists minus the excluded ones (null: too large to count). */
  count: number | null;
  /** Sum of the included lists' sizes: the most it can be. */
  upperBound: number;
  /** Kept out by the hold-out, from `count`. */
  heldOut: number | null;
};

/** `moderated`: Fanvue held it back on moderation (its MODERATED status). */
export type CampaignStatus =
  | "queued"
  | "preparing"
  | "sending"
  | "sent"
  | "scheduled"
  | "failed"
  | "unknown"
  | "cancelled"
  | "unsent"
  | "moderated";

export type CampaignView = {
  id: string;
  /** Vuedeck's record; null for mass messages sent outside Vuedeck. */
  source: "vuedeck" | "fanvue";
  fanvueId: string | null;
  status: CampaignStatus;
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  /** Audience lists: known for Vuedeck's own campaigns only (Fanvue's list does not name them). */
  included: ListRefsInput | null;
  excluded: ListRefsInput | null;
  holdoutPercent: number;
  scheduledAt: string | null;
  sentAt: string | null;
  createdAt: string;
  createdBy: string | null;
  error: string | null;
  /** Fans Fanvue delivered it to (its own count once sent). */
  recipients: number | null;
  /** Fans who opened it, as Fanvue counts them; null when not known. */
  views: number | null;
  /** From the synced earnings ledger (rows of this message); null before a sync. */
  purchases: number | null;
  revenue: number | null;
};

/** `fanvueError`: Fanvue's list could not be read (and none was kept): only
 * Vuedeck's own records are shown. */
export type CampaignsPage = {
  items: CampaignView[];
  fetchedAt: string | null;
  stale: boolean;
  fanvueError: string | null;
  ledgerSyncedAt: string | null;
};

/** Money figures are null until the earnings ledger has synced ("—", never 0). */
export type GroupResult = { fans: number; buyers: number | null; purchases: number | null; revenue: number | null };
/** `sent.fans` are the fans Vuedeck targeted; `delivered` is how many of them
 * Fanvue says it reached (it skips fans who cannot be messaged). */
export type CampaignResults = {
  campaign: CampaignView;
  /** Purchases of this message from the ledger. */
  direct: { purchases: number; revenue: number; net: number } | null;
  holdout: {
    windowDays: number;
    from: string;
    until: string;
    sent: GroupResult;
    held: GroupResult;
    delivered: number | null;
    synced: boolean;
  } | null;
  ledgerSyncedAt: string | null;
};

export const campaignActionSchema = z.object({
  action: z.enum(["check", "resend", "unsend"], { error: "action must be check, resend or unsend" }),
});

export const listNameSchema = z.object({ name: z.string().trim().min(1, { error: "Give the list a name." }).max(100) });
export const listMembersSchema = z.object({ fanUuids: z.array(uuid).min(1).max(100) });
