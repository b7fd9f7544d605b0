// The media values client code needs at run time, without zod (./media.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

export const MEDIA_USAGES = ["subscribers", "followers", "ppv", "mass_messages"] as const;

/** Media per folder change: one atomic Fanvue call (its add limit). */
export const MAX_FOLDER_BATCH = 100;

/** Lookups per request: a screenful; each is one Fanvue call. */
export const MAX_LOOKUP = 24;

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

/** The folder dialogs' check of a name, in folderNameSchema's words (media-values.test.ts
 * holds the two to the same answers); null when it passes. */
export function folderNameError(name: string): string | null {
  const v = name.trim();
  if (!v) return "Folder name is required";
  if (v.length > 255) return "Folder name must be at most 255 characters";
  if (v.includes("/")) return 'Folder name cannot contain "/"';
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(v)) return "Folder name cannot contain control characters";
  return null;
}

export const MEDIA_TYPES = ["image", "video", "audio", "document"] as const;

export const FAN_VIEWS = ["all", "bought", "sent"] as const;
