// §5.6 Posts: list, get, create, update. The registry mounts each where
// Fanvue's reference documents it: the list, create and update also as
// /creators/{c}/posts… for agencies; the single-post read on self routes only.
import { jsonBody, notFound, send } from "../http";
import type { Sandbox } from "../state";
import type { CreatorWorld, Post } from "../world/types";
import { iso, pageParams, paged, uuidParam } from "./common";
import { ensureLive } from "./content-common";
import { createPost, patchPost } from "./posts-fields";
import type { Api, RouteSpec } from "./registry";

export const POST_READ: RouteSpec = { subject: "creator" };
const POST_WRITE: RouteSpec = { subject: "creator" };

export function registerPosts(api: Api, sb: Sandbox) {
  api.route("GET", "/posts", POST_READ, (ctx) => {
    const p = pageParams(ctx);
    const c = ctx.creator;
    ensureLive(sb, c);
    // Unpublished (scheduled) posts are included unless asked otherwise.
    const published = ctx.query.get("includeUnpublished") === "false";
    const posts = sortedPosts(c).filter((post) => !published || post.publishedAt !== null);
    send(
      ctx,
      200,
      paged(posts, p, (post) => postObject(c, post)),
    );
  });

  api.route("GET", "/posts/:uuid", POST_READ, (ctx) => {
    const c = ctx.creator;
    ensureLive(sb, c);
    send(ctx, 200, postObject(c, postOr404(c, uuidParam(ctx, "uuid"))));
  });

  api.route("POST", "/posts", POST_WRITE, (ctx) => {
    const body = jsonBody(ctx);
    const c = ctx.creator;
    ensureLive(sb, c);
    const post = createPost(sb, c, body);
    send(ctx, 201, {
      uuid: post.uuid,
      createdAt: iso(post.createdAt),
      text: post.text,
      price: post.price,
      mediaPreviewUuid: post.mediaPreviewUuid,
      audience: post.audience,
      publishAt: iso(post.publishAt),
      publishedAt: iso(post.publishedAt),
      expiresAt: iso(post.expiresAt),
    });
  });

  api.route("PATCH", "/posts/:uuid", POST_WRITE, (ctx) => {
    const uuid = uuidParam(ctx, "uuid");
    const body = jsonBody(ctx);
    const c = ctx.creator;
    ensureLive(sb, c);
    const post = postOr404(c, uuid);
    patchPost(sb, c, post, body);
    send(ctx, 200, postObject(c, post));
  });
}

export function postOr404(c: CreatorWorld, uuid: string): Post {
  const post = c.postIndex.get(uuid);
  if (!post) throw notFound("Post not found");
  return post;
}

/** Pinned first, then newest first by publication time. Scheduled posts
 * (publishedAt null) sort by their publishAt, so upcoming ones lead. */
export function sortedPosts(c: CreatorWorld): Post[] {
  const when = (p: Post) => p.publishedAt ?? p.publishAt ?? p.createdAt;
  return [...c.posts].sort(
    (a, b) => Number(b.isPinned) - Number(a.isPinned) || when(b) - when(a) || b.createdAt - a.createdAt,
  );
}

export function postObject(c: CreatorWorld, p: Post) {
  let count = 0;
  let totalGross = 0;
  let totalNet = 0;
  for (const i of c.ledger.rowsOfRef(p.uuid)) {
    if (c.ledger.row(i).source !== "tip") continue;
    count++;
    totalGross += c.ledger.gross[i]!;
    totalNet += c.ledger.net[i]!;
  }
  return {
    uuid: p.uuid,
    createdAt: iso(p.createdAt),
    text: p.text,
    price: p.price,
    audience: p.audience,
    publishAt: iso(p.publishAt),
    publishedAt: iso(p.publishedAt),
    expiresAt: iso(p.expiresAt),
    mediaUuids: [...p.mediaUuids],
    mediaPreviewUuid: p.mediaPreviewUuid,
    isPinned: p.isPinned,
    likesCount: p.likes.length,
    commentsCount: p.comments.length,
    tips: { count, totalGross, totalNet },
    collections: p.collections.map((col) => ({ uuid: col.uuid, label: col.label })),
  };
}
