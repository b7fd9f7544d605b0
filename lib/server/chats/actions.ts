import "server-only";
import type { ChatMediaPage, ChatPatch } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { db } from "@/lib/server/db";
import { deleteMessage, listChatMedia, updateChat } from "@/lib/server/fanvue/resources/chat-messages";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { invalidateInboxCache } from "./inbox-cache";

// Per-chat actions: read/unread, mute, nickname, unsending a message; the
// media of a conversation.

export async function patchChat(access: CreatorAccess, fanUuid: string, patch: ChatPatch) {
  const client = clientForCreator(access);
  const body: ChatPatch = { ...patch };
  // An empty nickname clears it (Fanvue wants null, not "").
  if (body.nickname === "") body.nickname = null;
  try {
    await updateChat(client, fanUuid, body);
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "not_found") throw new ApiError("not_found", "There is no conversation with this fan.");
    throw err;
  }
  await invalidateInboxCache(access.creator.id);
  return { ok: true };
}

/** Takes back one of the creator's messages. Fanvue refuses a fan's message,
 * a bought PPV and a mass-message copy (400): said as it is. Already gone
 * (a repeated click) counts as done. */
export async function unsendMessage(access: CreatorAccess, fanUuid: string, messageUuid: string) {
  if (access.workspace.kind !== "creator") throw new ApiError("conflict", "Fanvue does not let agencies unsend messages: the creator can, from their own account.");
  try {
    await deleteMessage(clientForCreator(access), fanUuid, messageUuid);
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "validation") throw new ApiError("invalid_input", `Fanvue refused: ${err.message}`);
    const gone = err instanceof FanvueError && err.kind === "not_found" && /message/i.test(err.details.upstreamText ?? "");
    if (!gone) throw err;
  }
  // Our record of the send, if it went out from Vuedeck, says so.
  await db.chatSend.updateMany({ where: { creatorId: access.creator.id, fanUuid, messageUuid }, data: { error: "Unsent" } });
  await invalidateInboxCache(access.creator.id);
  return { ok: true };
}

/** Signed media URLs live 10 minutes on Fanvue; answers say when they end. */
const URL_TTL_MS = 9 * 60_000;

export async function getChatMedia(access: CreatorAccess, fanUuid: string, cursor: string | undefined): Promise<ChatMediaPage> {
  const client = clientForCreator(access);
  let res;
  try {
    res = await listChatMedia(client, fanUuid, cursor);
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "not_found") return { items: [], nextCursor: null, urlsExpireAt: null };
    throw err;
  }
  return {
    items: res.data.map((m) => {
      const v = m.variants.find((x) => x.variantType === "thumbnail") ?? m.variants[0];
      return { uuid: m.uuid, messageUuid: m.messageUuid, mediaType: m.mediaType, thumbUrl: v?.url ?? null, width: v?.width ?? null, height: v?.height ?? null };
    }),
    nextCursor: res.nextCursor,
    urlsExpireAt: new Date(Date.now() + URL_TTL_MS).toISOString(),
  };
}
