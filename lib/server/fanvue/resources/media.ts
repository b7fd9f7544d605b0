import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { FanvueError } from "../errors";
import { parseResponse } from "../parse";
import { cents, isoDate, nullable, openEnum, pageOf } from "../schemas/common";

// Media and uploads (contract §5.9), self routes and /creators/{c} mirrors.

export const variantSchema = z.looseObject({
  uuid: nullable(z.string()),
  variantType: openEnum(["main", "thumbnail", "thumbnail_gallery", "blurred"]),
  displayPosition: nullable(z.number()),
  url: nullable(z.string()),
  width: nullable(z.number()),
  height: nullable(z.number()),
  lengthMs: nullable(z.number()),
});
export type FanvueVariant = z.infer<typeof variantSchema>;

/** Not-ready items carry only `{uuid, status}`: everything else is optional. */
export const mediaSchema = z.looseObject({
  uuid: z.string(),
  status: openEnum(["created", "processing", "ready", "error"]),
  createdAt: nullable(isoDate),
  caption: nullable(z.string()),
  description: nullable(z.string()),
  name: nullable(z.string()),
  mediaType: nullable(openEnum(["image", "video", "audio", "document"])),
  recommendedPrice: nullable(cents),
  variants: z.array(variantSchema).default([]),
  purchasedByFan: nullable(z.boolean()),
});
export type FanvueMedia = z.infer<typeof mediaSchema>;

const mediaPage = pageOf(mediaSchema);
export type VariantType = "main" | "thumbnail" | "thumbnail_gallery" | "blurred";

export type MediaListQuery = {
  page: number;
  size: number;
  mediaType?: string;
  folderName?: string;
  usage?: string;
  purchasedBy?: string;
  status?: string[];
  variants?: VariantType[];
};

export async function listMedia(client: FanvueClient, q: MediaListQuery, signal?: AbortSignal) {
  // `status` and `variants` are comma-separated on the media routes, as the
  // reference declares them (form style, not exploded).
  const res = await client.creator("GET", "/media", {
    query: {
      page: q.page,
      size: q.size,
      mediaType: q.mediaType,
      folderName: q.folderName,
      usage: q.usage,
      purchasedBy: q.purchasedBy,
      status: q.status?.join(","),
      variants: q.variants?.join(","),
    },
    signal,
  });
  return parseResponse(mediaPage, res.body, "/media");
}

export async function getMedia(
  client: FanvueClient,
  uuid: string,
  q: { variants?: VariantType[]; purchasedBy?: string } = {},
) {
  const path = `/media/${encodeURIComponent(uuid)}`;
  const res = await client.creator("GET", path, {
    query: { variants: q.variants?.join(","), purchasedBy: q.purchasedBy },
  });
  return parseResponse(mediaSchema, res.body, "/media/{uuid}");
}

// ─── Uploads ────────────────────────────────────────────────────────────────

/** The reference's answer: the part size is ours to choose (see
 * lib/server/media/uploads.ts); Fanvue returns no part plan. */
const uploadSessionSchema = z.looseObject({ mediaUuid: z.string(), uploadId: z.string().min(1) });

export async function createUpload(client: FanvueClient, body: { name: string; filename: string; mediaType: string }) {
  const res = await client.creator("POST", "/media/uploads", {
    body: { name: body.name, filename: body.filename, mediaType: body.mediaType },
  });
  return parseResponse(uploadSessionSchema, res.body, "/media/uploads");
}

/** The presigned PUT URL: a plain-text body per the contract [L–M]; a JSON
 * `{url}` is accepted too in case Fanvue wraps it. */
export async function getPartUrl(client: FanvueClient, uploadId: string, partNumber: number): Promise<string> {
  const path = `/media/uploads/${encodeURIComponent(uploadId)}/parts/${partNumber}/url`;
  const res = await client.creator("GET", path);
  const body = res.body;
  const url =
    typeof body === "string"
      ? body.trim()
      : body && typeof body === "object" && "url" in body
        ? String((body as { url: unknown }).url)
        : "";
  if (!/^https?:\/\//.test(url))
    throw new FanvueError("bad_response", "Fanvue sent no upload URL", { path: "/media/uploads/{id}/parts/{n}/url" });
  return url;
}

export async function completeUpload(
  client: FanvueClient,
  uploadId: string,
  parts: { PartNumber: number; ETag: string }[],
) {
  // Completing twice with the same parts succeeds on S3, so a retry is safe.
  const res = await client.creator("PATCH", `/media/uploads/${encodeURIComponent(uploadId)}`, {
    body: { parts },
    idempotent: true,
  });
  return parseResponse(z.looseObject({ status: z.string() }), res.body, "/media/uploads/{id}");
}
