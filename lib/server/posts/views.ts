import "server-only";
import type { PostRecord } from "@/generated/prisma/client";
import type { PostView } from "@/lib/schemas/post-views";
import type { FanvuePost } from "@/lib/server/fanvue/resources/posts";

// Fanvue posts and our records → the one post shape the UI reads.

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function viewOfFanvue(p: FanvuePost, authorName: string | null = null): PostView {
  return {
    uuid: p.uuid,
    text: p.text,
    mediaUuids: p.mediaUuids,
    previewUuid: p.mediaPreviewUuid,
    audience: p.audience,
    price: p.price,
    publishAt: p.publishAt,
    publishedAt: p.publishedAt,
    expiresAt: p.expiresAt,
    authorName,
  };
}

export function viewOfRecord(r: PostRecord): PostView {
  return {
    uuid: r.fanvueUuid ?? "",
    text: r.text,
    mediaUuids: r.mediaUuids,
    previewUuid: r.previewUuid,
    audience: r.audience,
    price: r.price,
    publishAt: isoOrNull(r.publishAt),
    publishedAt: isoOrNull(r.publishedAt),
    expiresAt: isoOrNull(r.expiresAt),
    authorName: r.authorName,
  };
}

/** Our record, brought up to what Fanvue last said about the post. */
export function recordFieldsOf(p: FanvuePost) {
  return {
    text: p.text,
    mediaUuids: p.mediaUuids,
    previewUuid: p.mediaPreviewUuid,
    audience: p.audience,
    price: p.price,
    publishAt: p.publishAt ? new Date(p.publishAt) : null,
    publishedAt: p.publishedAt ? new Date(p.publishedAt) : null,
    expiresAt: p.expiresAt ? new Date(p.expiresAt) : null,
  };
}

/** The first line of a post's text, short enough for a list row or a calendar cell. */
export function titleOf(text: string | null, mediaCount: number) {
  const line =
    (text ?? "")
      .split("\n")
      .find((l) => l.trim())
      ?.trim() ?? "";
  if (line) return line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return mediaCount ? `${mediaCount} media item${mediaCount === 1 ? "" : "s"}` : "Empty post";
}
