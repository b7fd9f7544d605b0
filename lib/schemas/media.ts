import { z } from "zod";

// The media vault API, shared by route handlers, the client and the upload
// engine. Signed variant URLs appear only in responses (never stored).

export const MEDIA_TYPES = ["image", "video", "audio", "document"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
export const MEDIA_USAGES = ["subscribers", "followers", "ppv", "mass_messages"] as const;
export type MediaUsage = (typeof MEDIA_USAGES)[number];
export const FAN_VIEWS = ["all", "bought", "sent"] as const;
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

/** Media per folder change: one atomic Fanvue call (its add limit). */
export const MAX_FOLDER_BATCH = 100;
export const folderMediaSchema = z.object({
  mediaUuids: z
    .array(uuid)
    .min(1, { error: "Select at least one item" })
    .max(MAX_FOLDER_BATCH, { error: `Select at most ${MAX_FOLDER_BATCH} items at a time` }),
});

/** Lookups per request: a screenful; each is one Fanvue call. */
export const MAX_LOOKUP = 24;
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

/** Fanvue's documented ceiling for one upload (1.5 GiB). */
export const MAX_UPLOAD_BYTES = 1_610_612_736;

/** What the vault accepts, by MIME type and, when the browser gives no
 * type, by extension. Documents are not offered (posts and chats take
 * pictures, video and audio). */
const ACCEPTED: Record<"image" | "video" | "audio", { mimes: string[]; exts: string[] }> = {
  image: {
    mimes: ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif"],
    exts: ["jpg", "jpeg", "png", "gif", "webp", "heic", "heif"],
  },
  video: { mimes: ["video/mp4", "video/quicktime", "video/webm", "video/x-m4v"], exts: ["mp4", "mov", "webm", "m4v"] },
  audio: {
    mimes: [
      "audio/mpeg",
      "audio/mp4",
      "audio/x-m4a",
      "audio/aac",
      "audio/wav",
      "audio/x-wav",
      "audio/wave",
      "audio/ogg",
    ],
    exts: ["mp3", "m4a", "aac", "wav", "ogg"],
  },
};
export const ACCEPT_ATTR = Object.values(ACCEPTED)
  .flatMap((a) => [...a.mimes, ...a.exts.map((e) => `.${e}`)])
  .join(",");

export type FileCheck = { ok: true; mediaType: "image" | "video" | "audio" } | { ok: false; reason: string };

export function checkUploadFile(f: { name: string; type: string; size: number }): FileCheck {
  const ext = f.name.includes(".") ? f.name.split(".").pop()!.toLowerCase() : "";
  const kind = (Object.keys(ACCEPTED) as (keyof typeof ACCEPTED)[]).find((k) =>
    f.type ? ACCEPTED[k].mimes.includes(f.type.toLowerCase()) : ACCEPTED[k].exts.includes(ext),
  );
  if (!kind)
    return {
      ok: false,
      reason: `${f.name}: this file type is not supported. Upload images (JPEG, PNG, GIF, WebP, HEIC), videos (MP4, MOV, WebM) or audio (MP3, M4A, WAV, OGG).`,
    };
  if (f.size === 0) return { ok: false, reason: `${f.name} is empty.` };
  if (f.size > MAX_UPLOAD_BYTES) return { ok: false, reason: `${f.name} is larger than Fanvue's 1.5 GB limit.` };
  return { ok: true, mediaType: kind };
}

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
