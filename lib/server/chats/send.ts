import "server-only";
import { openWaitFor } from "@/lib/server/agency/response-times";
import { createHash } from "node:crypto";
import type { ChatSend } from "@/generated/prisma/client";
import type { SendBody, SendView } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { openChat, sendMessage } from "@/lib/server/fanvue/resources/chat-messages";
import { recordAudit } from "@/lib/server/workspaces/audit";
import type { CreatorRef } from "@/lib/server/creators/ref";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { touchClaimOnSend } from "./claims";
import { toSendView } from "./conversation";
import { invalidateInboxCache } from "./inbox-cache";
import { recordOwnSend } from "./mirror/store";
import { reconcileSend } from "./reconcile";
import { resolveTemplate } from "./templates";
import { sentences } from "@/lib/utils/sentences";

// Idempotent sends. The send is recorded (keyed by the client's idempotency
// key) before Fanvue is called, and exactly one request may move it to
// "sending" at a time (conditional updates); every duplicate — a double
// click, a retry, a reconnect, 10 concurrent posts — waits for that one and
// gets its outcome. An unclear outcome is settled by looking at the
// conversation, never by sending again blindly.

/** A "sending" row this old belongs to a crashed process: the limiter may
 * queue a call for a few rate windows, plus Fanvue's 15 s timeout. */
const STALE_SENDING_MS = 5 * 60_000;
/** Duplicates wait this long for the first request's outcome. */
const WAIT_MS = 30_000;
const POLL_MS = 100;

/** Who sends: a member, or an automation (id null: no member, no claim on the chat). */
type User = { id: string | null; name: string };

/** Over what is sent (a template resolved), so a retry built from either the
 * original request or the recorded send matches. */
const hashOf = (fanUuid: string, b: Pick<SendBody, "text" | "mediaUuids" | "price" | "templateUuid">) =>
  createHash("sha256")
    .update(JSON.stringify([fanUuid, b.text, b.mediaUuids, b.price, b.templateUuid]))
    .digest("hex");

/** Fanvue refused before doing anything: nothing was sent, a retry is safe. */
const DEFINITE = new Set([
  "validation",
  "forbidden",
  "not_found",
  "conflict",
  "version",
  "rate_limited",
  "stalled",
  "unauthorized",
  "reauth",
  "unsupported",
]);

/** Fanvue's refusal in our words (its own text stays in the log). */
function refusal(err: FanvueError): ApiError {
  const said = `${err.details.upstreamText ?? ""} ${(err.details.errors ?? []).join(" ")}`;
  if (err.kind === "validation" && /contactable/i.test(said))
    return new ApiError(
      "invalid_input",
      "This fan can't be messaged right now: Fanvue does not let the creator message them. Nothing was sent.",
      { field: "fanUuid" },
    );
  if (err.kind === "validation")
    return new ApiError(
      "invalid_input",
      "Fanvue did not accept this message; nothing was sent. Check the text, media and price.",
      { field: "message" },
    );
  if (err.kind === "not_found")
    return new ApiError("not_found", "There is no conversation with this fan on Fanvue; nothing was sent.");
  if (err.kind === "rate_limited")
    return new ApiError("rate_limited", "Fanvue's rate limit was reached; nothing was sent. Try again shortly.", {
      retryAfterSec: err.details.retryAfterSec ?? 30,
    });
  if (err.kind === "stalled")
    return new ApiError(
      "upstream_unavailable",
      "Fanvue is slow to answer right now; nothing was sent. Try again in a moment.",
      { retryAfterSec: 10 },
    );
  if (err.kind === "reauth" || err.kind === "unauthorized")
    return new ApiError("fanvue_reauth", "Fanvue access has ended; nothing was sent. Reconnect Fanvue to continue.");
  if (err.kind === "unsupported")
    return new ApiError("conflict", "Fanvue does not offer sending messages for this account; nothing was sent.");
  if (err.kind === "forbidden")
    return new ApiError("forbidden", "Fanvue does not allow this account to message this fan; nothing was sent.");
  if (err.kind === "version")
    return new ApiError("invalid_input", sentences(err.message, "Nothing was sent."), { field: "message" });
  return new ApiError("invalid_input", "Fanvue did not accept this message; nothing was sent.", { field: "message" });
}

/** The fan's handle as Vuedeck last saw it (roster or chat copy), for the activity log. */
async function fanHandleOf(creatorId: string, fanUuid: string): Promise<string | null> {
  const key = { creatorId_fanUuid: { creatorId, fanUuid } };
  const fan =
    (await db.audienceFan.findUnique({ where: key, select: { handle: true } })) ??
    (await db.mirrorChat.findUnique({ where: key, select: { handle: true } }));
  return fan?.handle || null;
}

async function finishSent(access: CreatorRef, row: ChatSend, messageUuid: string | null, user: User | null) {
  const done = await db.chatSend.update({
    where: { id: row.id },
    data: { status: "sent", messageUuid, sentAt: new Date(), error: null },
  });
  if (access.workspace.kind === "agency") await mirrorOwnSend(access, row, messageUuid);
  // The one actually writing is the one answering ("Kai is answering").
  if (user?.id && "membership" in access)
    await touchClaimOnSend(access as CreatorAccess, { id: user.id, name: user.name }, row.fanUuid);
  await invalidateInboxCache(access.creator.id);
  await recordAudit({
    workspaceId: access.workspace.id,
    creatorId: access.creator.id,
    actor: { id: user?.id ?? row.senderUserId ?? "", name: user?.name ?? row.senderName },
    action: "message.send",
    target: row.fanUuid,
    details: {
      messageUuid,
      price: row.price,
      media: row.mediaUuids.length,
      attempts: row.attempts,
      fanHandle: await fanHandleOf(access.creator.id, row.fanUuid),
    },
  });
  return done;
}

/** The agency inbox shows the chat answered at once. Fanvue records the
 * token's owner (the agency account) as the message's sentByUserId. */
async function mirrorOwnSend(access: CreatorRef, row: ChatSend, messageUuid: string | null) {
  const conn = await db.fanvueConnection.findUnique({
    where: { id: access.workspace.connectionId },
    select: { fanvueUserUuid: true },
  });
  await recordOwnSend(access.creator.id, row.fanUuid, {
    uuid: messageUuid,
    text: row.text,
    hasMedia: row.mediaUuids.length > 0,
    senderUuid: access.creator.fanvueUuid,
    sentByUserId: conn?.fanvueUserUuid ?? null,
  });
}

/** Sends; a fan without a conversation yet gets one first (Fanvue answers
 * 404 before doing anything, so the second attempt cannot duplicate). */
async function sendOrOpen(access: CreatorRef, row: ChatSend) {
  const client = clientForCreator(access);
  const payload = { text: row.text, mediaUuids: row.mediaUuids, price: row.price, templateUuid: row.templateUuid };
  try {
    return await sendMessage(client, row.fanUuid, payload);
  } catch (err) {
    if (!(err instanceof FanvueError && err.kind === "not_found")) throw err;
    await openChat(client, row.fanUuid);
    return sendMessage(client, row.fanUuid, payload);
  }
}

/** We own the row (status "sending"): call Fanvue once and record the outcome.
 * The row stays "sending" while an unclear outcome is checked, so duplicates
 * keep waiting instead of racing the check. */
async function perform(access: CreatorRef, row: ChatSend, user: User): Promise<ChatSend> {
  try {
    const res = await sendOrOpen(access, row);
    return await finishSent(access, row, res.messageUuid, user);
  } catch (err) {
    if (err instanceof FanvueError && DEFINITE.has(err.kind)) {
      const e = refusal(err);
      await db.chatSend.update({ where: { id: row.id }, data: { status: "failed", error: e.message } });
      throw e;
    }
    // Network error, timeout, 5xx, or a 2xx we could not read: it may have gone out.
    return settleUnknown(access, row.id, user);
  }
}

/** Looks for the message in the conversation: found → sent; absent →
 * failed (nothing went out, a retry may send); check failed → unknown. */
async function settleUnknown(access: CreatorRef, id: string, user: User | null): Promise<ChatSend> {
  const row = await db.chatSend.findUniqueOrThrow({ where: { id } });
  const found = await reconcileSend(access, row).catch(() => undefined);
  if (found === undefined)
    return db.chatSend.update({
      where: { id },
      data: { status: "unknown", error: "State unknown: Fanvue could not be checked. Check again before resending." },
    });
  if (found) return finishSent(access, row, found, user);
  return db.chatSend.update({
    where: { id },
    data: { status: "failed", error: "Not sent (checked the conversation). Retry to send it again." },
  });
}

/** Moves the row from `from` to "sending" if nobody else did; true if we won. */
async function claim(row: ChatSend, from: string[]) {
  const res = await db.chatSend.updateMany({
    where: { id: row.id, status: { in: from }, updatedAt: row.updatedAt },
    data: { status: "sending", attemptAt: new Date(), attempts: { increment: 1 }, error: null },
  });
  return res.count === 1;
}

async function waitForOutcome(id: string): Promise<ChatSend> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const row = await db.chatSend.findUniqueOrThrow({ where: { id } });
    if (row.status !== "sending" || Date.now() > until) return row;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const isStale = (r: ChatSend, staleMs = STALE_SENDING_MS) =>
  r.status === "sending" && (r.attemptAt?.getTime() ?? 0) < Date.now() - staleMs;

export async function sendChatMessage(
  access: CreatorRef,
  user: User,
  fanUuid: string,
  body: SendBody,
  /** `staleAfterMs`: when a "sending" row is taken to belong to a dead process. A job that got its
   * lease back knows the last holder died, and passes 0 (settle from the conversation now). */
  opts: { staleAfterMs?: number } = {},
): Promise<{ send: SendView; created: boolean }> {
  const key = body.idempotencyKey;
  const effective = body.templateUuid ? await resolveTemplate(access, body) : body;
  const requestHash = hashOf(fanUuid, { ...effective, templateUuid: body.templateUuid });
  const base = {
    creatorId: access.creator.id,
    fanUuid,
    idempotencyKey: key,
    requestHash,
    senderUserId: user.id,
    senderName: user.name,
    waitingSince: await openWaitFor(access.creator.id, fanUuid),
  };
  const inserted = await db.chatSend.createMany({
    data: [
      {
        ...base,
        text: effective.text,
        mediaUuids: effective.mediaUuids,
        price: effective.price,
        templateUuid: body.templateUuid,
        status: "sending",
        attemptAt: new Date(),
        attempts: 1,
      },
    ],
    skipDuplicates: true,
  });
  let row = await db.chatSend.findUniqueOrThrow({
    where: { creatorId_idempotencyKey: { creatorId: access.creator.id, idempotencyKey: key } },
  });
  if (row.requestHash !== requestHash)
    throw new ApiError("conflict", "This idempotency key was already used for a different message.", {
      field: "idempotencyKey",
    });
  if (inserted.count === 1) return { send: toSendView(await perform(access, row, user)), created: true };
  if (row.status === "failed" && (await claim(row, ["failed"]))) {
    return {
      send: toSendView(await perform(access, await db.chatSend.findUniqueOrThrow({ where: { id: row.id } }), user)),
      created: false,
    };
  }
  if ((row.status === "unknown" || isStale(row, opts.staleAfterMs)) && (await claim(row, ["unknown", "sending"]))) {
    // Look before resending: it may have gone out the first time.
    const found = await reconcileSend(access, row).catch(() => undefined);
    const mine = await db.chatSend.findUniqueOrThrow({ where: { id: row.id } });
    if (found) return { send: toSendView(await finishSent(access, mine, found, user)), created: false };
    if (found === undefined)
      return {
        send: toSendView(await db.chatSend.update({ where: { id: row.id }, data: { status: "unknown" } })),
        created: false,
      };
    return { send: toSendView(await perform(access, mine, user)), created: false };
  }
  row = await waitForOutcome(row.id);
  return { send: toSendView(row), created: false };
}

/** "Check" on a send whose state is unknown: reconcile without resending. */
export async function checkSend(access: CreatorRef, key: string): Promise<SendView> {
  const row = await db.chatSend.findUnique({
    where: { creatorId_idempotencyKey: { creatorId: access.creator.id, idempotencyKey: key } },
  });
  if (!row) throw new ApiError("not_found", "No such send.");
  if (row.status !== "unknown" && !isStale(row)) return toSendView(row);
  if (!(await claim(row, ["unknown", "sending"]))) return toSendView(await waitForOutcome(row.id));
  return toSendView(await settleUnknown(access, row.id, null));
}
