import { z } from "zod";
import {
  FAN_VIEWS,
  MAX_FOLDER_BATCH,
  MAX_LOOKUP,
  MAX_UPLOAD_BYTES,
  MEDIA_TYPES,
  MEDIA_USAGES,
  checkUploadFile,
} from "./media-values";

export * from "./media-values";

// The media vault API, shared by route handlers, the client and the upload
// engine. Signed variant URLs appear only in responses (never stored).

export type MediaType = (typeof MEDIA_TYPES)[number];
export type MediaUsage = (typeof MEDIA_USAGES)[number];
export type FanView = (typeof FAN_VIEWS)[number];

/** One variant as the browser needs it: where, and how big. */
export type VariantInfo = { url: string; width: number | null; height: number | null };

export type VaultItem = {
  uuid: string;
  /** created | processing | ready | error (other values kept as sent). */
  status: string;
  mediaType: string | null;
  name: string | null;
  caption: string | null;
  description: string | null;
  createdAt: string | null;
  /** Cents; null when Fanvue suggests none. */
  recommendedPrice: number | null;
  width: number | null;
  height: number | null;
  lengthMs: number | null;
  /** Only when a fan is in context (`purchasedBy`); null otherwise. */
  purchasedByFan: boolean | null;
  thumb: VariantInfo | null;
  /** Fanvue list page (of PAGE_SIZE) the item was read from, with the same
   * filters: re-reading that page re-resolves its URLs in one call. */
  src: number | null;
};

export type VaultPage = {
  items: VaultItem[];
  nextCursor: string | null;
  /** Vault items looked at to build this page (search scans the vault). */
  checked: number;
  /** When the signed URLs in this page should be treated as expired. */
  urlsExpireAt: string | null;
};

export type MediaDetails = VaultItem & {
  main: VariantInfo | null;
  blurred: VariantInfo | null;
  /** Folders holding the item; null when they could not all be checked. */
  folders: string[] | null;
  urlsExpireAt: string | null;
};

export type VaultFolder = { name: string; createdAt: string | null; mediaCount: number };
/** Items by id with fresh thumbnail URLs, and when those URLs expire. */
export type MediaLookup = { items: VaultItem[]; urlsExpireAt: string | null };
export type FolderRenamed = { name: string };
export type FolderDeleted = { deleted: string };
export type FolderMediaAdded = { addedCount: number };
export type FolderMediaRemoved = { removedCount: number };

// ─── Inputs ─────────────────────────────────────────────────────────────────

// Format only (8-4-4-4-12 hex): Fanvue ids need not follow one UUID version.
const uuid = z.guid({ error: "must be a media id (UUID)" });

export const folderNameSchema = z
  .string({ error: "Folder name is required" })
  .trim()
  .min(1, { error: "Folder name is required" })
  // Fanvue's limit (its reference: 255); folders are named in the URL path.
  .max(255, { error: "Folder name must be at most 255 characters" })
  .refine((v) => !v.includes("/"), { error: 'Folder name cannot contain "/"' })
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: "Folder name cannot contain control characters" });

export const vaultQuerySchema = z.object({
  type: z.enum(MEDIA_TYPES).optional(),
  folder: folderNameSchema.optional(),
  usage: z.enum(MEDIA_USAGES).optional(),
  /** A fan in context (from a fan panel or a chat). */
  fan: uuid.optional(),
  fanView: z.enum(FAN_VIEWS).optional(),
  q: z.string().trim().max(100, { error: "Search must be at most 100 characters" }).optional(),
  cursor: z.string().max(500).optional(),
});
export type VaultQuery = z.infer<typeof vaultQuerySchema>;

export const folderMediaSchema = z.object({
  mediaUuids: z
    .array(uuid)
    .min(1, { error: "Select at least one item" })
    .max(MAX_FOLDER_BATCH, { error: `Select at most ${MAX_FOLDER_BATCH} items at a time` }),
});

export const VARIANT_KINDS = ["thumb", "main", "blurred"] as const;
export const lookupQuerySchema = z.object({
  uuids: z
    .string()
    .transform((s) => [...new Set(s.split(",").filter(Boolean))])
    .pipe(
      z
        .array(uuid)
        .min(1)
        .max(MAX_LOOKUP, { error: `At most ${MAX_LOOKUP} media per lookup` }),
    ),
  fan: uuid.optional(),
});

// ─── Uploads ────────────────────────────────────────────────────────────────

export const uploadCreateSchema = z
  .object({
    filename: z.string().trim().min(1).max(255),
    name: z.string().trim().min(1).max(255),
    mimeType: z.string().max(100).default(""),
    sizeBytes: z
      .number()
      .int()
      .min(1)
      .max(MAX_UPLOAD_BYTES, { error: "The file is larger than Fanvue's 1.5 GB limit" }),
  })
  .superRefine((v, ctx) => {
    const check = checkUploadFile({ name: v.filename, type: v.mimeType, size: v.sizeBytes });
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.reason, path: ["filename"] });
  });
export type UploadCreate = z.input<typeof uploadCreateSchema>;
export type UploadSession = {
  mediaUuid: string;
  uploadId: string;
  partSize: number;
  totalParts: number;
  mediaType: MediaType;
};

export const uploadCompleteSchema = z.object({
  mediaUuid: uuid,
  name: z.string().max(255).optional(),
  parts: z
    .array(z.object({ PartNumber: z.number().int().min(1).max(10_000), ETag: z.string().min(1).max(200) }))
    .min(1)
    .max(10_000),
});
export type UploadComplete = z.infer<typeof uploadCompleteSchema>;
/** A presigned URL the browser PUTs one part to. */
export type UploadPartUrl = { url: string };
/** Fanvue's status of the completed media ("processing" at first). */
export type UploadFinished = { mediaUuid: string; status: string };
