import "server-only";
import type { ChatSend } from "@/generated/prisma/client";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { listMessages } from "@/lib/server/fanvue/resources/chat-messages";
import type { CreatorRef } from "@/lib/server/creators/ref";
import { toMessageView } from "./conversation";
import { findSent } from "./send-match";

/** Newest messages read to find a send: a send is at most minutes old, and
 * a busy chat gets far fewer than 50 messages in that time. */
const LOOKBACK = 50;

/** Fanvue's uuid of the send if the conversation shows it, else null.
 * Throws when Fanvue cannot be read (the state stays unknown). */
export async function reconcileSend(access: CreatorRef, row: ChatSend): Promise<string | null> {
  const client = clientForCreator(access);
  const page = await listMessages(client, row.fanUuid, 1, LOOKBACK).catch((err: unknown) => {
    // No conversation at all: certainly not sent.
    if (err instanceof FanvueError && err.kind === "not_found") return { data: [] };
    throw err;
  });
  const seen = page.data.map((m) => toMessageView(m, access.creator.fanvueUuid, null));
  const claimedRows = await db.chatSend.findMany({
    where: { creatorId: access.creator.id, messageUuid: { in: seen.map((m) => m.uuid) }, NOT: { id: row.id } },
    select: { messageUuid: true },
  });
  const claimed = new Set(claimedRows.map((r) => r.messageUuid!));
  const hit = findSent(
    seen,
    { text: row.text, mediaUuids: row.mediaUuids, price: row.price, attemptAt: row.attemptAt ?? row.createdAt },
    claimed,
  );
  return hit?.uuid ?? null;
}
