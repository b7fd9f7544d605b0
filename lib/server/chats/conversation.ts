import "server-only";
import { noteConversation } from "@/lib/server/agency/response-times";
import type { ChatSend } from "@/generated/prisma/client";
import type { ConversationPage, MessageView, SendView } from "@/lib/schemas/chats";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { listMessages, type FanvueMessage } from "@/lib/server/fanvue/resources/chat-messages";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

// A conversation, page by page (newest first), with who sent each of our
// messages and the sends not yet confirmed in the history.

/** 30 messages per page: a screenful; older pages load as the user scrolls up. */
export const MESSAGES_PAGE = 30;
/** Failed and unknown sends stay on screen (with retry) this long. */
const PENDING_WINDOW_MS = 7 * 86_400_000;

export function toMessageView(m: FanvueMessage, creatorUuid: string, sentBy: string | null): MessageView {
  return {
    uuid: m.uuid,
    text: m.text,
    sentAt: m.sentAt,
    fromCreator: m.sender?.uuid === creatorUuid,
    type: m.type,
    mediaUuids: m.mediaUuids,
    mediaType: m.mediaType,
    price: m.pricing?.USD?.price ?? null,
    purchasedAt: m.purchasedAt,
    isRead: m.isRead,
    sentBy,
  };
}

export const toSendView = (s: ChatSend): SendView => ({
  key: s.idempotencyKey,
  fanUuid: s.fanUuid,
  status: s.status as SendView["status"],
  messageUuid: s.messageUuid,
  text: s.text,
  mediaUuids: s.mediaUuids,
  price: s.price,
  templateUuid: s.templateUuid,
  error: s.error,
  sentBy: s.senderName,
  createdAt: s.createdAt.toISOString(),
  sentAt: s.sentAt?.toISOString() ?? null,
});

export async function getConversation(access: CreatorAccess, fanUuid: string, page: number): Promise<ConversationPage> {
  const client = clientForCreator(access);
  let res;
  try {
    res = await listMessages(client, fanUuid, page, MESSAGES_PAGE);
  } catch (err) {
    // No conversation yet: an empty one (the first send starts it).
    if (!(err instanceof FanvueError && err.kind === "not_found")) throw err;
    res = { data: [], pagination: { page, size: 0, hasMore: false } };
  }
  const uuids = res.data.map((m) => m.uuid);
  const ours = await db.chatSend.findMany({
    where: { creatorId: access.creator.id, messageUuid: { in: uuids } },
    select: { messageUuid: true, senderName: true },
  });
  const by = new Map(ours.map((o) => [o.messageUuid!, o.senderName]));
  const pending =
    page === 1
      ? await db.chatSend.findMany({
          where: {
            creatorId: access.creator.id,
            fanUuid,
            status: { in: ["sending", "failed", "unknown"] },
            createdAt: { gt: new Date(Date.now() - PENDING_WINDOW_MS) },
          },
          orderBy: { createdAt: "asc" },
        })
      : [];
  const items = res.data.map((m) => toMessageView(m, access.creator.fanvueUuid, by.get(m.uuid) ?? null));
  // Whether the fan is waiting for an answer (first-response times); a read never fails for it.
  if (page === 1)
    await noteConversation(access.creator.id, fanUuid, items).catch((err: unknown) =>
      console.error("[chats] could not note the fan's wait", err),
    );
  return {
    items,
    page,
    hasMore: res.pagination.hasMore,
    pending: pending.map(toSendView),
  };
}
