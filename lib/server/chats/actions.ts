import "server-only";
import type { ChatMediaPage, ChatPatch } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { db } from "@/lib/server/db";
import { deleteMessage, listChatMedia, listMessages, updateChat } from "@/lib/server/fanvue/resources/chat-messages";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { invalidateInboxCache } from "./inbox-cache";
import { recordPatch } from "./mirror/store";

// Per-chat actions: read/unread, mute, nickname, unsending a message; the
// media of a conversation.

export async function patchChat(access: CreatorAccess, fanUuid: string, patch: ChatPatch): Promise<{ ok: true }> {
  const client = clientForCreator(access);
  try {
    // An empty nickname clears it: Fanvue's nickname is a string, never null.
    await updateChat(client, fanUuid, patch);
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "not_found")
      throw new ApiError("not_found", "There is no conversation with this fan.");
    throw err;
  }
  if (access.workspace.kind === "agency") await recordPatch(access.creator.id, fanUuid, patch);
  await invalidateInboxCache(access.creator.id);
  return { ok: true };
}

/** Pages of the conversation read to confirm an unsend: 500 messages, far
 * more than a creator scrolls back to take one back. */
const UNSEND_LOOKBACK_PAGES = 10;

/** The message as the conversation shows it now, or null when it is not there. */
async function findInConversation(access: CreatorAccess, fanUuid: string, messageUuid: string) {
  const client = clientForCreator(access);
  for (let page = 1; page <= UNSEND_LOOKBACK_PAGES; page++) {
    const res = await listMessages(client, fanUuid, page, 50).catch((err: unknown) => {
      if (err instanceof FanvueError && err.kind === "not_found") return null; // no conversation at all
      throw err;
    });
    const hit = res?.data.find((m) => m.uuid === messageUuid);
    if (hit) return hit;
    if (!res?.pagination.hasMore) return null;
  }
  return null;
}

const NO_UNSEND =
  "Fanvue does not offer unsending messages for this account: the message is still in the conversation.";

/** Why Fanvue refused (400), in our words, from what the message is. */
async function refusalReason(access: CreatorAccess, fanUuid: string, messageUuid: string) {
  const m = await findInConversation(access, fanUuid, messageUuid).catch(() => null);
  if (m && m.sender?.uuid !== access.creator.fanvueUuid) return "Only the creator's own messages can be unsent.";
  if (m?.purchasedAt) return "The fan has bought this message, so it cannot be unsent.";
  if (m?.type === "BROADCAST")
    return "This is a copy of a mass message: unsend the mass message from its history instead.";
  return "Fanvue did not allow unsending this message.";
}

/** Takes back one of the creator's messages. A 404 may mean "already gone"
 * (a repeated click) or "this Fanvue has no unsend": the conversation is read
 * to tell which before anything is called unsent. */
export async function unsendMessage(
  access: CreatorAccess,
  fanUuid: string,
  messageUuid: string,
): Promise<{ ok: true }> {
  if (access.workspace.kind !== "creator")
    throw new ApiError(
      "conflict",
      "Fanvue does not let agencies unsend messages: the creator can, from their own account.",
    );
  try {
    await deleteMessage(clientForCreator(access), fanUuid, messageUuid);
  } catch (err) {
    if (!(err instanceof FanvueError)) throw err;
    if (err.kind === "validation")
      throw new ApiError("invalid_input", await refusalReason(access, fanUuid, messageUuid), { field: "messageUuid" });
    if (err.kind === "unsupported") throw new ApiError("conflict", NO_UNSEND);
    if (err.kind !== "not_found") throw err;
    if (await findInConversation(access, fanUuid, messageUuid)) throw new ApiError("conflict", NO_UNSEND);
  }
  // Our record of the send, if it went out from Vuedeck, says so.
  await db.chatSend.updateMany({
    where: { creatorId: access.creator.id, fanUuid, messageUuid },
    data: { error: "Unsent" },
  });
  await invalidateInboxCache(access.creator.id);
  return { ok: true };
}

/** Signed media URLs live 10 minutes on Fanvue; answers say when they end. */
const URL_TTL_MS = 9 * 60_000;

export async function getChatMedia(
  access: CreatorAccess,
  fanUuid: string,
  cursor: string | undefined,
): Promise<ChatMediaPage> {
  const client = clientForCreator(access);
  let res;
  try {
    res = await listChatMedia(client, fanUuid, cursor);
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "not_found")
      return { items: [], nextCursor: null, urlsExpireAt: null };
    throw err;
  }
  return {
    items: res.data.map((m) => {
      const v = m.variants.find((x) => x.variantType === "thumbnail") ?? m.variants[0];
      return {
        uuid: m.uuid,
        messageUuid: m.messageUuid,
        mediaType: m.mediaType,
        thumbUrl: v?.url ?? null,
        width: v?.width ?? null,
        height: v?.height ?? null,
      };
    }),
    nextCursor: res.nextCursor,
    urlsExpireAt: new Date(Date.now() + URL_TTL_MS).toISOString(),
  };
}
