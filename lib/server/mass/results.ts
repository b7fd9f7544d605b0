import "server-only";
import type { CampaignResults, GroupResult } from "@/lib/schemas/mass-messages";
import { db } from "@/lib/server/db";
import { requestEarningsSync } from "@/lib/server/earnings/jobs";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { campaignOr404, toCampaignView } from "./campaigns";
import { ledgerByMessage, ledgerSyncedAt } from "./history";

// Results of one campaign: its own purchases (ledger rows of the message)
// and, with a hold-out, what the sent group and the held-out group spent in
// the days after sending — all money, not just this message, since the
// question is whether the message changed what fans spend.

/** Comparison window: long enough for a weekly spender, short enough that
 * the next campaign does not blur it. */
export const WINDOW_DAYS = 7;
/** The ledger is refreshed when viewing results if older than this. */
const LEDGER_REFRESH_MS = 2 * 60_000;

type Row = { held_out: boolean; fans: bigint; buyers: bigint; purchases: bigint; revenue: bigint | null };

/** Group sizes always; spend only once the ledger covers the window. */
async function groups(campaignId: string, creatorId: string, from: Date, until: Date, synced: boolean) {
  const rows = await db.$queryRaw<Row[]>`
    SELECT f."heldOut" AS held_out, count(DISTINCT f."fanUuid") AS fans, count(DISTINCT e."fanUuid") AS buyers,
           count(e.id) AS purchases, round(sum(e.gross))::bigint AS revenue
    FROM "MassCampaignFan" f
    LEFT JOIN "EarningRow" e ON e."creatorId" = ${creatorId} AND e."fanUuid" = f."fanUuid" AND e."occurredAt" >= ${from} AND e."occurredAt" < ${until}
    WHERE f."campaignId" = ${campaignId}
    GROUP BY f."heldOut"`;
  const pick = (held: boolean): GroupResult => {
    const r = rows.find((x) => x.held_out === held);
    if (!synced) return { fans: Number(r?.fans ?? 0), buyers: null, purchases: null, revenue: null };
    return {
      fans: Number(r?.fans ?? 0),
      buyers: Number(r?.buyers ?? 0),
      purchases: Number(r?.purchases ?? 0),
      revenue: Number(r?.revenue ?? 0),
    };
  };
  return { sent: pick(false), held: pick(true), synced };
}

export async function getCampaignResults(access: CreatorAccess, id: string): Promise<CampaignResults> {
  const c = await campaignOr404(access, id);
  const synced = await ledgerSyncedAt(access.creator.id);
  if (!synced || synced.getTime() < Date.now() - LEDGER_REFRESH_MS)
    await requestEarningsSync(access.creator.id, access.workspace.connectionId).catch(() => undefined);
  const view = toCampaignView(c);
  const direct =
    c.fanvueId && synced
      ? ((await ledgerByMessage(access.creator.id, [c.fanvueId])).get(c.fanvueId) ?? {
          purchases: 0,
          revenue: 0,
          net: 0,
        })
      : null;
  if (direct) Object.assign(view, { purchases: direct.purchases, revenue: direct.revenue });
  let holdout: CampaignResults["holdout"] = null;
  const start = c.sentAt ?? (c.status === "scheduled" ? null : c.scheduledAt);
  if (c.holdoutPercent > 0 && start && c.audienceSize) {
    // The window ends where the ledger's knowledge does: 7 days, now, or its last sync.
    const until = new Date(Math.min(Date.now(), start.getTime() + WINDOW_DAYS * 86_400_000, synced?.getTime() ?? 0));
    const covered = until > start;
    const end = covered ? until : start;
    // Fanvue's own count of who received it (kept from its list), not our estimate.
    const delivered = c.status === "sent" || c.status === "unsent" ? c.recipientCount : null;
    holdout = {
      windowDays: WINDOW_DAYS,
      from: start.toISOString(),
      until: end.toISOString(),
      delivered,
      ...(await groups(c.id, access.creator.id, start, end, covered)),
    };
  }
  return { campaign: view, direct, holdout, ledgerSyncedAt: synced?.toISOString() ?? null };
}
