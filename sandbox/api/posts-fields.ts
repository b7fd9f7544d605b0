// Validation and application of POST /posts and PATCH /posts/{uuid} bodies
// (§5.6). Both paths end in the same cross-field checks so a post can never
// be left in a state POST would have refused.
import { validation } from "../http";
import type { Sandbox } from "../state";
import type { CreatorWorld, Post, PostAudience } from "../world/types";
import { optionalText, priceRule, uuidList } from "./common";
import { isoField, makePostLive, newUuid, requiredEnum } from "./content-common";
import { isUuid } from "./registry";

export const AUDIENCES: readonly PostAudience[] = ["subscribers", "followers-and-subscribers"];
const MAX_TEXT = 5000;
/** Fanvue's composer takes up to 50 files per post. */
const MAX_MEDIA = 50;

type Draft = Pick<
  Post,
  | "audience"
  | "text"
  | "mediaUuids"
  | "mediaPreviewUuid"
  | "price"
  | "publishAt"
  | "publishedAt"
  | "expiresAt"
  | "collections"
>;

const has = (body: Record<string, unknown>, key: string) =>
  Object.prototype.hasOwnProperty.call(body, key) && body[key] !== undefined;

/** Own media that is ready now; items already on the post may stay. */
function mediaField(c: CreatorWorld, value: unknown, current: readonly string[] = []): string[] {
  const uuids = uuidList(value, "mediaUuids", MAX_MEDIA);
  if (new Set(uuids).size !== uuids.length) throw validation("mediaUuids must not contain duplicates");
  for (const u of uuids) {
    const m = c.mediaIndex.get(u);
    if (!m) throw validation(`mediaUuids must reference your own media (unknown: ${u})`);
    if (m.status !== "ready" && !current.includes(u)) throw validation(`media ${u} is not ready`);
  }
  return uuids;
}

function previewField(value: unknown, mediaUuids: readonly string[]): string {
  if (typeof value !== "string" || !isUuid(value)) throw validation("mediaPreviewUuid must be a valid UUID");
  if (!mediaUuids.includes(value)) throw validation("mediaPreviewUuid must be one of mediaUuids");
  return value;
}

/** Collections are only known through the posts that carry them (the
 * sandbox has no collection endpoints), so unknown uuids are refused. */
function collectionsField(c: CreatorWorld, value: unknown): Post["collections"] {
  const uuids = uuidList(value, "collectionUuids", MAX_MEDIA);
  const known = new Map<string, string>();
  for (const p of c.posts) for (const col of p.collections) known.set(col.uuid, col.label);
  return [...new Set(uuids)].map((uuid) => {
    const label = known.get(uuid);
    if (label === undefined) throw validation(`collectionUuids must reference existing collections (unknown: ${uuid})`);
    return { uuid, label };
  });
}

function checkDraft(d: Draft, now: number, timesChanged: boolean) {
  if (d.text === null && d.mediaUuids.length === 0) throw validation("a post needs text or at least one media item");
  if (d.price !== null && d.mediaUuids.length === 0) throw validation("price requires at least one media item");
  if (timesChanged && d.expiresAt !== null && d.expiresAt <= Math.max(now, d.publishedAt ?? d.publishAt ?? now)) {
    throw validation("expiresAt must be after the publish time");
  }
}

export function createPost(sb: Sandbox, c: CreatorWorld, body: Record<string, unknown>): Post {
  const now = sb.clock.now();
  const audience = requiredEnum(body.audience, "audience", AUDIENCES);
  const text = optionalText(body.text, "text", MAX_TEXT);
  const mediaUuids = mediaField(c, body.mediaUuids);
  const mediaPreviewUuid =
    has(body, "mediaPreviewUuid") && body.mediaPreviewUuid !== null
      ? previewField(body.mediaPreviewUuid, mediaUuids)
      : null;
  const price = priceRule(body.price, mediaUuids.length > 0);
  const publishAt = isoField(body.publishAt, "publishAt") ?? null;
  if (publishAt !== null && publishAt <= now) throw validation("publishAt must be in the future");
  const expiresAt = isoField(body.expiresAt, "expiresAt") ?? null;
  const collections = has(body, "collectionUuids") ? collectionsField(c, body.collectionUuids) : [];
  const draft: Draft = {
    audience,
    text,
    mediaUuids,
    mediaPreviewUuid,
    price,
    publishAt,
    publishedAt: publishAt === null ? now : null,
    expiresAt,
    collections,
  };
  checkDraft(draft, now, true);
  const post: Post = { uuid: newUuid(sb, "post"), createdAt: now, ...draft, isPinned: false, likes: [], comments: [] };
  makePostLive(sb, post);
  c.posts.push(post);
  c.postIndex.set(post.uuid, post);
  tagUsage(c, post);
  return post;
}

/** Partial update: absent keys keep their value, `null` clears. */
export function patchPost(sb: Sandbox, c: CreatorWorld, post: Post, body: Record<string, unknown>) {
  const now = sb.clock.now();
  const d: Draft = {
    audience: post.audience,
    text: post.text,
    mediaUuids: post.mediaUuids,
    mediaPreviewUuid: post.mediaPreviewUuid,
    price: post.price,
    publishAt: post.publishAt,
    publishedAt: post.publishedAt,
    expiresAt: post.expiresAt,
    collections: post.collections,
  };
  if (has(body, "audience")) d.audience = requiredEnum(body.audience, "audience", AUDIENCES);
  if (has(body, "text")) d.text = optionalText(body.text, "text", MAX_TEXT);
  if (has(body, "mediaUuids")) d.mediaUuids = mediaField(c, body.mediaUuids, post.mediaUuids);
  if (has(body, "mediaPreviewUuid"))
    d.mediaPreviewUuid = body.mediaPreviewUuid === null ? null : previewField(body.mediaPreviewUuid, d.mediaUuids);
  // A preview whose media was removed goes with it.
  else if (d.mediaPreviewUuid !== null && !d.mediaUuids.includes(d.mediaPreviewUuid)) d.mediaPreviewUuid = null;
  if (has(body, "price")) d.price = priceRule(body.price, d.mediaUuids.length > 0);
  if (has(body, "publishAt")) {
    const at = isoField(body.publishAt, "publishAt") ?? null;
    if (at === null) {
      // Publishing a scheduled post now; on a published post it is a no-op.
      if (d.publishedAt === null) {
        d.publishedAt = now;
        d.publishAt = null;
      }
    } else {
      if (d.publishedAt !== null) throw validation("publishAt cannot be set on a published post");
      if (at <= now) throw validation("publishAt must be in the future");
      d.publishAt = at;
    }
  }
  if (has(body, "expiresAt")) d.expiresAt = isoField(body.expiresAt, "expiresAt") ?? null;
  if (has(body, "collectionUuids"))
    d.collections = body.collectionUuids === null ? [] : collectionsField(c, body.collectionUuids);
  checkDraft(d, now, has(body, "expiresAt") || has(body, "publishAt"));
  Object.assign(post, d);
  tagUsage(c, post);
}

/** Keeps the vault's `usage` filter in step with where media is posted. */
function tagUsage(c: CreatorWorld, p: Post) {
  const usage = p.price !== null ? "ppv" : p.audience === "followers-and-subscribers" ? "followers" : "subscribers";
  for (const u of p.mediaUuids) c.mediaIndex.get(u)?.usage.add(usage);
}
