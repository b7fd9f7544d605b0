import "server-only";
import type { PostRecord } from "@/generated/prisma/client";
import { checkPost, type PublishFields } from "@/lib/schemas/posts";
import type { PublishResult } from "@/lib/schemas/post-views";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { createPost, type CreatePostBody, type FanvuePost } from "@/lib/server/fanvue/resources/posts";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { actionRefused, fieldOfMessage, isCertainRefusal, toFieldError } from "./errors";
import { findSentPost } from "./reconcile";
import { recordFieldsOf, viewOfRecord } from "./views";
import { changingPosts } from "./list-cache";

// Publishing is idempotent per key. The intent is written (state "sending")
// before Fanvue is called; a second request with the key waits for the first
// and gets its post; an outcome nobody knows (answer lost, crash) is settled
// by looking for the post on Fanvue — never by sending blindly again.

/** A send may wait out Fanvue's rate limit (up to 4 windows of 60 s) before
 * answering; a "sending" row older than this belongs to a crashed request. */
const SEND_TIMEOUT_MS = 5 * 60_000;
/** How long a second click waits for the first to settle before answering "still sending". */
const WAIT_FOR_OTHER_MS = 20_000;
const POLL_MS = 200;

type Actor = { id: string; name: string };
type Input = PublishFields;
export type PublishOutcome = PublishResult & { settledNow: boolean };

/** This Fanvue lacks or refuses creating posts here (not a field problem). */
const NO_CALL = new Set<FanvueError["kind"]>(["unsupported", "not_found", "forbidden"]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isUniqueViolation = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

function bodyOf(i: Input): CreatePostBody {
  return {
    audience: i.audience,
    ...(i.text !== null ? { text: i.text } : {}),
    ...(i.mediaUuids.length ? { mediaUuids: i.mediaUuids } : {}),
    ...(i.previewUuid && i.price !== null ? { mediaPreviewUuid: i.previewUuid } : {}),
    ...(i.price !== null ? { price: i.price } : {}),
    ...(i.publishAt ? { publishAt: i.publishAt } : {}),
    ...(i.expiresAt ? { expiresAt: i.expiresAt } : {}),
  };
}

const intentFields = (i: Input, actor: Actor) => ({
  text: i.text,
  mediaUuids: i.mediaUuids,
  previewUuid: i.price !== null ? i.previewUuid : null,
  audience: i.audience,
  price: i.price,
  publishAt: i.publishAt ? new Date(i.publishAt) : null,
  expiresAt: i.expiresAt ? new Date(i.expiresAt) : null,
  authorId: actor.id,
  authorName: actor.name,
});

export async function publishPost(access: CreatorAccess, actor: Actor, input: Input): Promise<PublishOutcome> {
  const errors = checkPost(input, Date.now());
  const first = Object.entries(errors)[0];
  if (first) throw new ApiError("invalid_input", first[1], { field: first[0] });
  const client = clientForCreator(access);
  const taken = await claimKey(access.creator.id, input, actor);
  if (taken.kind === "done") return { post: viewOfRecord(taken.record), replayed: true, settledNow: false };
  let record = taken.record;
  if (taken.kind === "check") {
    const found = await lookUp(client, record, access.creator.handle);
    if (found) return { post: viewOfRecord(await settleCreated(record.id, found)), replayed: true, settledNow: true };
    // Not on Fanvue: the earlier send created nothing, so this one may go.
    const fresh = await db.postRecord.updateMany({
      where: { id: record.id, updatedAt: record.updatedAt },
      data: { state: "sending", sendingAt: new Date(), ...intentFields(input, actor) },
    });
    if (fresh.count === 0) return publishPost(access, actor, input);
    record = await db.postRecord.findUniqueOrThrow({ where: { id: record.id } });
  }
  return send(client, record, input, access.creator.handle);
}

type Claim = { kind: "send" | "done" | "check"; record: PostRecord };

/** Takes the key: a new intent, a retry after a refusal, a wait for another
 * request's send, or a record whose outcome must be checked first. */
async function claimKey(creatorId: string, input: Input, actor: Actor): Promise<Claim> {
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  for (;;) {
    try {
      const record = await db.postRecord.create({
        data: {
          creatorId,
          publishKey: input.key,
          state: "sending",
          sendingAt: new Date(),
          ...intentFields(input, actor),
        },
      });
      return { kind: "send", record };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    const r = await db.postRecord.findUniqueOrThrow({
      where: { creatorId_publishKey: { creatorId, publishKey: input.key } },
    });
    if (r.state === "created") return { kind: "done", record: r };
    if (r.state === "refused") {
      // Fanvue refused the last send, so nothing exists: send the (maybe corrected) post.
      const won = await db.postRecord.updateMany({
        where: { id: r.id, state: "refused", updatedAt: r.updatedAt },
        data: { state: "sending", sendingAt: new Date(), error: null, errorField: null, ...intentFields(input, actor) },
      });
      if (won.count === 1)
        return { kind: "send", record: await db.postRecord.findUniqueOrThrow({ where: { id: r.id } }) };
      continue;
    }
    if (r.state === "sending" && r.sendingAt && Date.now() - r.sendingAt.getTime() < SEND_TIMEOUT_MS) {
      if (Date.now() > deadline)
        throw new ApiError(
          "conflict",
          "This post is still being sent to Fanvue. It will show in the queue in a moment.",
        );
      await sleep(POLL_MS);
      continue;
    }
    return { kind: "check", record: r };
  }
}

async function send(client: FanvueClient, record: PostRecord, input: Input, handle: string): Promise<PublishOutcome> {
  try {
    const post = await changingPosts(record.creatorId, () => createPost(client, bodyOf(input)));
    return { post: viewOfRecord(await settleCreated(record.id, post)), replayed: false, settledNow: true };
  } catch (err) {
    if (isCertainRefusal(err)) {
      // Fanvue's own words are kept on the record for the log, never shown.
      const upstream = err.details.errors?.[0] ?? err.details.upstreamText ?? err.kind;
      await db.postRecord.update({
        where: { id: record.id },
        data: { state: "refused", error: upstream, errorField: fieldOfMessage(upstream) ?? null },
      });
      throw NO_CALL.has(err.kind) ? actionRefused(err, "publish") : toFieldError(err);
    }
    // Network drop, timeout, 5xx or an unreadable 2xx: it may exist.
    const unknown = await db.postRecord.update({ where: { id: record.id }, data: { state: "unknown" } });
    const found = await lookUp(client, unknown, handle);
    if (found) return { post: viewOfRecord(await settleCreated(record.id, found)), replayed: false, settledNow: true };
    const what = err instanceof FanvueError ? err.kind : "network";
    await db.postRecord.update({
      where: { id: record.id },
      data: { state: "refused", error: `${what}; the post was not created` },
    });
    throw notCreated(what);
  }
}

/** The send failed without an answer we could use, and the post is not on
 * Fanvue: said as it happened (no answer, an error answer, an unreadable one). */
function notCreated(kind: string) {
  const what =
    kind === "upstream"
      ? "Fanvue answered with an error and did not create the post."
      : kind === "bad_response"
        ? "Fanvue's answer could not be read, and the post is not on Fanvue."
        : "Fanvue could not be reached and did not create the post.";
  return new ApiError(
    kind === "upstream" || kind === "bad_response" ? "upstream_error" : "upstream_unavailable",
    `${what} Your draft is kept: try again.`,
    { retryAfterSec: 5 },
  );
}

/** Looks the record's post up on Fanvue (/posts or /creators/{c}/posts). If
 * Fanvue refuses the list, the outcome stays unknown and the user decides. */
async function lookUp(client: FanvueClient, record: PostRecord, handle: string): Promise<FanvuePost | null> {
  try {
    return await findSentPost(client, record);
  } catch (err) {
    if (err instanceof FanvueError && NO_CALL.has(err.kind)) {
      await db.postRecord.update({ where: { id: record.id }, data: { state: "unknown" } });
      throw new ApiError(
        "conflict",
        `Fanvue did not confirm whether @${handle}'s post was created, and it does not let Vuedeck list @${handle}'s posts to check. Look at @${handle}'s profile on Fanvue before posting again.`,
        { field: "key" },
      );
    }
    throw err;
  }
}

async function settleCreated(id: string, post: FanvuePost) {
  const fields = recordFieldsOf(post);
  return db.postRecord.update({
    where: { id },
    data: {
      state: "created",
      fanvueUuid: post.uuid,
      error: null,
      errorField: null,
      // The create answer has no mediaUuids: keep what we sent.
      ...(post.mediaUuids.length ? { mediaUuids: fields.mediaUuids } : {}),
      publishAt: fields.publishAt,
      publishedAt: fields.publishedAt,
      expiresAt: fields.expiresAt,
      price: fields.price,
    },
  });
}
