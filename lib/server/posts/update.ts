import "server-only";
import type { PostRecord } from "@/generated/prisma/client";
import { checkPost, type PostFields, type UpdateFields } from "@/lib/schemas/posts";
import type { PostView } from "@/lib/schemas/post-views";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { findPost, updatePost, type FanvuePost, type UpdatePostBody } from "@/lib/server/fanvue/resources/posts";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { actionRefused, toFieldError, type PostAction } from "./errors";
import { recordFieldsOf, viewOfFanvue, viewOfRecord } from "./views";
import { changingPosts } from "./list-cache";

// Edits of a post in the queue: change, reschedule, publish now, cancel.

/** Fanvue's API has no way to delete or unschedule a post (contract §5.6).
 * Cancelling moves it to this far date, where it never goes out, and marks
 * it cancelled here; it can be rescheduled, or deleted in Fanvue's own app. */
export const PARKED_AT = "2099-01-01T00:00:00.000Z";
export const isParked = (publishAt: string | Date | null) =>
  publishAt !== null && new Date(publishAt).getTime() >= Date.parse(PARKED_AT);

const recordOf = (creatorId: string, uuid: string) =>
  db.postRecord.findFirst({ where: { creatorId, fanvueUuid: uuid, state: "created" }, orderBy: { createdAt: "desc" } });

const notHere = (handle: string) =>
  new ApiError("not_found", `This post is not among @${handle}'s posts on Fanvue: it may have been deleted.`);

/** The post as it is now, from Fanvue (its own route on self connections;
 * agencies have none, so it is found in /creators/{c}/posts). When Fanvue
 * cannot say, our record of a post made here stands in. */
export async function loadPost(
  access: CreatorAccess,
  uuid: string,
): Promise<{ view: PostView; record: PostRecord | null }> {
  const record = await recordOf(access.creator.id, uuid);
  let post: FanvuePost | null;
  try {
    post = await findPost(clientForCreator(access), uuid);
  } catch (err) {
    if (!(err instanceof FanvueError) || !["unsupported", "not_found", "forbidden"].includes(err.kind)) throw err;
    if (err.kind === "not_found" && access.workspace.kind === "creator") throw notHere(access.creator.handle);
    post = null;
    if (!record)
      throw new ApiError(
        "not_found",
        `Fanvue does not let Vuedeck read @${access.creator.handle}'s posts, so only posts made in Vuedeck can be edited here.`,
      );
  }
  if (post) return { view: viewOfFanvue(post, record?.authorName ?? null), record };
  if (record && access.workspace.kind === "agency") return { view: viewOfRecord(record), record };
  throw notHere(access.creator.handle);
}

/** The post for the composer; a cancelled one comes with the times it had. */
export async function loadPostForEdit(access: CreatorAccess, uuid: string): Promise<PostView> {
  const { view, record } = await loadPost(access, uuid);
  if (!record?.cancelledAt || !isParked(view.publishAt)) return view;
  return {
    ...view,
    publishAt: record.publishAt?.toISOString() ?? null,
    expiresAt: record.expiresAt?.toISOString() ?? null,
    cancelledAt: record.cancelledAt.toISOString(),
  };
}

const fieldsOf = (v: PostView): PostFields => ({
  text: v.text,
  mediaUuids: v.mediaUuids,
  previewUuid: v.previewUuid,
  audience: v.audience === "followers-and-subscribers" ? "followers-and-subscribers" : "subscribers",
  price: v.price,
  publishAt: v.publishAt,
  expiresAt: v.expiresAt,
});

function bodyOf(input: UpdateFields): UpdatePostBody {
  const b: UpdatePostBody = {};
  if (input.text !== undefined) b.text = input.text;
  if (input.mediaUuids !== undefined) b.mediaUuids = input.mediaUuids;
  if (input.previewUuid !== undefined) b.mediaPreviewUuid = input.previewUuid;
  if (input.audience !== undefined) b.audience = input.audience;
  if (input.price !== undefined) b.price = input.price;
  if (input.publishAt !== undefined) b.publishAt = input.publishAt;
  if (input.expiresAt !== undefined) b.expiresAt = input.expiresAt;
  return b;
}

type PatchExtra = { cancelledAt?: Date | null; keepTimes?: boolean };

/** A PATCH refused with 404 right after the post was read: the post went in
 * between, or this Fanvue lacks the call. Reading it again tells which. */
async function patchError(access: CreatorAccess, uuid: string, err: unknown, action: PostAction): Promise<unknown> {
  if (!(err instanceof FanvueError)) return err;
  if (err.kind === "unsupported" || err.kind === "forbidden") return actionRefused(err, action);
  if (err.kind === "not_found") {
    const still = await findPost(clientForCreator(access), uuid).catch(() => null);
    return still ? actionRefused(err, action) : notHere(access.creator.handle);
  }
  return toFieldError(err);
}

async function patch(
  access: CreatorAccess,
  uuid: string,
  body: UpdatePostBody,
  action: PostAction,
  extra: PatchExtra = {},
): Promise<PostView> {
  let post: FanvuePost;
  try {
    post = await changingPosts(access.creator.id, () => updatePost(clientForCreator(access), uuid, body));
  } catch (err) {
    throw await patchError(access, uuid, err, action);
  }
  const record = await recordOf(access.creator.id, uuid);
  if (record) {
    const { publishAt, expiresAt, ...rest } = recordFieldsOf(post);
    const times = extra.keepTimes ? {} : { publishAt, expiresAt };
    await db.postRecord.update({
      where: { id: record.id },
      data: { ...rest, ...times, ...(extra.cancelledAt !== undefined ? { cancelledAt: extra.cancelledAt } : {}) },
    });
  }
  return viewOfFanvue(post, record?.authorName ?? null);
}

/** A scheduled post's new fields, checked as a whole (the stored post plus
 * the change) before Fanvue sees them. Published posts can still be edited,
 * but not rescheduled. */
export async function editPost(access: CreatorAccess, uuid: string, input: UpdateFields) {
  const { view } = await loadPost(access, uuid);
  const merged = {
    ...fieldsOf(view),
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  } as PostFields;
  if (merged.price === null) merged.previewUuid = null;
  if (view.publishedAt && input.publishAt !== undefined)
    throw new ApiError("invalid_input", "This post is already published; it cannot be rescheduled.", {
      field: "publishAt",
    });
  const errors = checkPost(merged, Date.now());
  const first = Object.entries(errors)[0];
  if (first) throw new ApiError("invalid_input", first[1], { field: first[0] });
  const body = bodyOf(input);
  // A free post has no preview item: clear it rather than leave a stale one on Fanvue.
  if (merged.price === null && (view.previewUuid !== null || "mediaPreviewUuid" in body)) body.mediaPreviewUuid = null;
  // Rescheduling a cancelled post brings it back into the queue.
  const action: PostAction = input.publishAt !== undefined && Object.keys(body).length === 1 ? "reschedule" : "edit";
  return { before: view, after: await patch(access, uuid, body, action, input.publishAt ? { cancelledAt: null } : {}) };
}

export async function publishNow(access: CreatorAccess, uuid: string) {
  const { view } = await loadPost(access, uuid);
  if (view.publishedAt) return view;
  return patch(access, uuid, { publishAt: null }, "publishNow", { cancelledAt: null });
}

/** Parks the post (see PARKED_AT). Its expiry is cleared because Fanvue
 * refuses an expiry before the publish time; our record keeps the original
 * times so the queue can offer them back. */
export async function cancelPost(access: CreatorAccess, actor: { id: string; name: string }, uuid: string) {
  const { view, record } = await loadPost(access, uuid);
  if (view.publishedAt)
    throw new ApiError("invalid_input", "This post is already published; it can no longer be cancelled.", {
      field: "publishAt",
    });
  if (!record) {
    // Scheduled on Fanvue directly: remember it, so it shows as cancelled here.
    await db.postRecord.create({
      data: {
        creatorId: access.creator.id,
        publishKey: `fanvue-${uuid}`,
        state: "created",
        fanvueUuid: uuid,
        text: view.text,
        mediaUuids: view.mediaUuids,
        previewUuid: view.previewUuid,
        audience: view.audience,
        price: view.price,
        publishAt: view.publishAt ? new Date(view.publishAt) : null,
        expiresAt: view.expiresAt ? new Date(view.expiresAt) : null,
        authorId: actor.id,
        authorName: "Fanvue",
      },
    });
  }
  const after = await patch(access, uuid, { publishAt: PARKED_AT, expiresAt: null }, "cancel", {
    cancelledAt: new Date(),
    keepTimes: true,
  });
  return { before: view, after };
}
