import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { parseResponse } from "../parse";
import { cents, isoDate, nullable, openEnum, pageOf } from "../schemas/common";

// Posts (contract §5.6). The list, create and update have /creators/{c}
// mirrors for agencies; the single-post read is on self routes only, so for
// agencies a post is found in the list (`findPost`).

export const postSchema = z.looseObject({
  uuid: z.string(),
  createdAt: nullable(isoDate),
  text: nullable(z.string()),
  price: nullable(cents),
  audience: openEnum(["subscribers", "followers-and-subscribers"]),
  publishAt: nullable(isoDate),
  publishedAt: nullable(isoDate),
  expiresAt: nullable(isoDate),
  mediaUuids: z.array(z.string()).default([]),
  mediaPreviewUuid: nullable(z.string()),
  isPinned: z.boolean().default(false),
  // Engagement is absent on create answers and may be on others: null = unknown, never 0.
  likesCount: nullable(z.number().int()),
  commentsCount: nullable(z.number().int()),
  tips: nullable(z.looseObject({ count: z.number().int(), totalGross: cents, totalNet: nullable(cents) })),
});
export type FanvuePost = z.infer<typeof postSchema>;

const postPage = pageOf(postSchema);

/** Fanvue's largest page size (§2.2). */
export const POSTS_PAGE_SIZE = 50;

export type ListPostsOptions = {
  /** Fanvue's default is true (scheduled posts and drafts included); the
   * history asks for published posts only, so its pages are all history. */
  includeUnpublished?: boolean;
  signal?: AbortSignal;
};

export async function listPosts(client: FanvueClient, page: number, size = POSTS_PAGE_SIZE, o: ListPostsOptions = {}) {
  const includeUnpublished = o.includeUnpublished === undefined ? undefined : String(o.includeUnpublished);
  const res = await client.creator("GET", "/posts", { query: { page, size, includeUnpublished }, signal: o.signal });
  return parseResponse(postPage, res.body, "/posts");
}

/** Pages read to find one post for an agency (no single-post read there):
 * pinned and scheduled posts lead the list, and the posts one edits are
 * recent, so 4 pages of 50 reach them. */
const FIND_PAGES = 4;

/** One post: its own route on self connections; for agencies, looked up in
 * the post list (null when not within the first pages). */
export async function findPost(client: FanvueClient, uuid: string): Promise<FanvuePost | null> {
  if (client.mode === "self") return getPost(client, uuid);
  for (let page = 1; page <= FIND_PAGES; page++) {
    const res = await listPosts(client, page);
    const hit = res.data.find((p) => p.uuid === uuid);
    if (hit) return hit;
    if (!res.pagination.hasMore) break;
  }
  return null;
}

export async function getPost(client: FanvueClient, uuid: string) {
  const res = await client.selfOnly("GET", `/posts/${encodeURIComponent(uuid)}`);
  return parseResponse(postSchema, res.body, "/posts/{uuid}");
}

export type CreatePostBody = {
  audience: string;
  text?: string;
  mediaUuids?: string[];
  mediaPreviewUuid?: string;
  price?: number;
  publishAt?: string;
  expiresAt?: string;
};

/** Never retried here: the caller holds the publish intent and reconciles
 * an unknown outcome instead of resending (lib/server/posts/publish.ts). */
export async function createPost(client: FanvueClient, body: CreatePostBody) {
  const res = await client.creator("POST", "/posts", { body, idempotent: false });
  return parseResponse(postSchema, res.body, "/posts");
}

export type UpdatePostBody = {
  audience?: string;
  text?: string | null;
  mediaUuids?: string[];
  mediaPreviewUuid?: string | null;
  price?: number | null;
  publishAt?: string | null;
  expiresAt?: string | null;
};

/** A PATCH sets absolute values (publishAt: null = publish now, a no-op on a
 * published post), so repeating it is harmless: retries are allowed. */
export async function updatePost(client: FanvueClient, uuid: string, body: UpdatePostBody) {
  const res = await client.creator("PATCH", `/posts/${encodeURIComponent(uuid)}`, { body, idempotent: true });
  return parseResponse(postSchema, res.body, "/posts/{uuid}");
}
