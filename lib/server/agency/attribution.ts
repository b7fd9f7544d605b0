import "server-only";
import { db } from "@/lib/server/db";

// Who sold what. Fanvue's ledger says a fan paid for a message or tipped in
// a chat, never which team member was writing: Vuedeck recorded that when the
// message went out (ChatSend.senderUserId, MassCampaign.createdByUserId).
// The rules (shown on the performance page, lib/schemas/performance.ts):
//
// 1. PPV unlock (source "message"): the member who sent that PPV. The ledger
//    row names the message (messageUuid) and Vuedeck kept the uuid of every
//    message it sent. A row without a messageUuid falls back to the latest
//    PPV at that exact price Vuedeck sent that fan in the 30 days before.
// 2. Mass message unlock: the campaign's author (the row names the mass
//    message, Vuedeck kept its Fanvue id).
// 3. Chat tip (source "tip" without a post): the member who last wrote to that
//    fan through Vuedeck in the 24 hours before the tip. A tip answers the
//    conversation the fan is having; a day covers a chatter's shift and the
//    night after it, and longer credits someone who has long moved on.
//    Tips on posts belong to the post, not to a chat.
// 4. Anything else from a message: "Fanvue (not through Vuedeck)".
//
// A row is attributed once, when the ledger syncs it; rows left to rule 4 in
// the last 7 days are looked at again (a send's Fanvue uuid can arrive after
// the sale was synced). A manager's reassignment is never overwritten.

export const TIP_WINDOW_HOURS = 24;
export const PPV_FALLBACK_DAYS = 30;
const RECHECK_DAYS = 7;

/** Attributes every chat sale of this creator not attributed yet; returns how many were added. */
export async function attributePending(creatorId: string): Promise<number> {
  await db.$executeRaw`
    DELETE FROM "SaleAttribution"
    WHERE "creatorId" = ${creatorId} AND rule = 'none' AND "reassignedAt" IS NULL
      AND "occurredAt" > now() - make_interval(days => ${RECHECK_DAYS})`;
  return db.$executeRaw`
    INSERT INTO "SaleAttribution" ("earningRowId", "creatorId", "occurredAt", gross, net, source, "fanUuid", rule,
      "ruleUserId", "ruleUserName", "sendId", "campaignId", "userId", "userName")
    SELECT e.id, e."creatorId", e."occurredAt", e.gross, e.net, e.source, e."fanUuid",
      CASE WHEN s.id IS NOT NULL THEN (CASE WHEN e.source = 'tip' THEN 'tip' ELSE 'ppv' END)
           WHEN m.id IS NOT NULL THEN 'mass' ELSE 'none' END,
      COALESCE(s."senderUserId", m."createdByUserId"), COALESCE(s."senderName", m."createdByName"), s.id, m.id,
      COALESCE(s."senderUserId", m."createdByUserId"), COALESCE(s."senderName", m."createdByName")
    FROM "EarningRow" e
    LEFT JOIN LATERAL (
      SELECT cs.id, cs."senderUserId", cs."senderName" FROM "ChatSend" cs
      WHERE e.source = 'message' AND e."messageUuid" IS NOT NULL
        AND cs."creatorId" = e."creatorId" AND cs."messageUuid" = e."messageUuid"
      LIMIT 1
    ) byId ON true
    LEFT JOIN LATERAL (
      SELECT cs.id, cs."senderUserId", cs."senderName" FROM "ChatSend" cs
      WHERE e.source = 'message' AND e."messageUuid" IS NULL AND e."fanUuid" IS NOT NULL
        AND cs."creatorId" = e."creatorId" AND cs."fanUuid" = e."fanUuid" AND cs.status = 'sent'
        AND cs.price = round(e.gross)::int
        AND cs."sentAt" <= e."occurredAt" AND cs."sentAt" > e."occurredAt" - make_interval(days => ${PPV_FALLBACK_DAYS})
      ORDER BY cs."sentAt" DESC
      LIMIT 1
    ) byPrice ON true
    LEFT JOIN LATERAL (
      SELECT cs.id, cs."senderUserId", cs."senderName" FROM "ChatSend" cs
      WHERE e.source = 'tip' AND e."postUuid" IS NULL AND e."fanUuid" IS NOT NULL
        AND cs."creatorId" = e."creatorId" AND cs."fanUuid" = e."fanUuid" AND cs.status = 'sent'
        AND cs."sentAt" <= e."occurredAt" AND cs."sentAt" > e."occurredAt" - make_interval(hours => ${TIP_WINDOW_HOURS})
      ORDER BY cs."sentAt" DESC
      LIMIT 1
    ) byTip ON true
    CROSS JOIN LATERAL (
      SELECT COALESCE(byId.id, byPrice.id, byTip.id) AS id,
             COALESCE(byId."senderUserId", byPrice."senderUserId", byTip."senderUserId") AS "senderUserId",
             COALESCE(byId."senderName", byPrice."senderName", byTip."senderName") AS "senderName"
    ) s
    LEFT JOIN LATERAL (
      SELECT mc.id, mc."createdByUserId", mc."createdByName" FROM "MassCampaign" mc
      WHERE s.id IS NULL AND e.source = 'message' AND e."messageUuid" IS NOT NULL
        AND mc."creatorId" = e."creatorId" AND mc."fanvueId" = e."messageUuid"
      LIMIT 1
    ) m ON true
    WHERE e."creatorId" = ${creatorId} AND e.source IN ('message', 'tip')
      AND NOT EXISTS (SELECT 1 FROM "SaleAttribution" a WHERE a."earningRowId" = e.id)
    ON CONFLICT ("earningRowId") DO NOTHING`;
}
