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

export function toMessageView(
  m: FanvueMessage,
  creatorUuid: string,
  sentBy: string | null,
  tipAmount: number | null = null,
): MessageView {
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
    tipAmount,
  };
}

/** What each tip message was worth, in cents. Fanvue's message carries no
 * amount for a TIP (its `pricing` is for pay-to-view), so it comes from our
 * ledger (the tip's earning row names the message), else from the
 * tip-received webhook until the next earnings sync; one query per page. */
export async function tipAmounts(
  access: CreatorAccess,
  fanUuid: string,
  messages: FanvueMessage[],
): Promise<Map<string, number>> {
  const tips = messages.filter((m) => m.type === "TIP").map((m) => m.uuid);
  if (tips.length === 0) return new Map();
  const fans = [fanUuid, fanUuid.toLowerCase(), fanUuid.toUpperCase()];
  const rows = await db.$queryRaw<{ uuid: string; cents: bigint | null }[]>`
    SELECT t.uuid, COALESCE(
      (SELECT ROUND(SUM(e.gross))::bigint FROM "EarningRow" e
        WHERE e."creatorId" = ${access.creator.id} AND e."fanUuid" = ANY(${fans}::text[]) AND e."messageUuid" = t.uuid
        HAVING count(*) > 0),
      (SELECT ROUND((w.payload->>'price')::numeric)::bigint FROM "WebhookEvent" w
        WHERE w."recipientUuid" = ${access.creator.fanvueUuid} AND w.event = 'tip-received'
          AND w."fanUuid" = ANY(${fans}::text[]) AND w.payload->>'messageUuid' = t.uuid
          AND jsonb_typeof(w.payload->'price') = 'number'
        ORDER BY w.seq DESC LIMIT 1)
    ) AS cents
    FROM unnest(${tips}::text[]) AS t(uuid)`;
  return new Map(rows.filter((r) => r.cents !== null).map((r) => [r.uuid, Number(r.cents)]));
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
  const tips = await tipAmounts(access, fanUuid, res.data).catch((err: unknown) => {
    // The conversation is still right without the amounts ("Tip" alone).
    console.error("[chats] reading tip amounts failed", err);
    return new Map<string, number>();
  });
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
  const items = res.data.map((m) =>
    toMessageView(m, access.creator.fanvueUuid, by.get(m.uuid) ?? null, tips.get(m.uuid) ?? null),
  );
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
