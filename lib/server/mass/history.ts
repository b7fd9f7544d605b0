import "server-only";
import type { CampaignsPage, CampaignView } from "@/lib/schemas/mass-messages";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { listMassMessages, type FanvueMassMessage } from "@/lib/server/fanvue/resources/mass-messages";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { toCampaignView } from "./campaigns";

// Queue and history: our campaigns (including those still queued or in an
// unclear state) merged with Fanvue's list, which also shows mass messages
// sent outside Vuedeck. Purchases and revenue come from the synced ledger.

/** Newest campaigns shown; older ones are in Fanvue's own history. */
const HISTORY_LIMIT = 100;
/** Several tabs share one read of Fanvue's list. */
const COALESCE_MS = 5_000;

const STATUS: Record<string, CampaignView["status"]> = { SENT: "sent", SCHEDULED: "scheduled", UNSENT: "cancelled" };

function fromFanvue(m: FanvueMassMessage): CampaignView {
  const refs = (r: FanvueMassMessage["includedLists"]) => ({ smart: r?.smartListUuids ?? [], custom: r?.customListUuids ?? [] });
  return {
    id: `fanvue:${m.uuid}`,
    source: "fanvue",
    fanvueId: m.uuid,
    // Deleted after it went out: "unsent" (buyers keep it); before: cancelled.
    status: m.status === "UNSENT" && m.sentAt ? "unsent" : (STATUS[m.status ?? ""] ?? "sent"),
    text: m.text,
    mediaUuids: m.mediaUuids,
    price: m.price,
    included: refs(m.includedLists),
    excluded: refs(m.excludedLists),
    holdoutPercent: 0,
    scheduledAt: m.scheduledAt,
    sentAt: m.sentAt,
    createdAt: m.createdAt ?? m.sentAt ?? new Date(0).toISOString(),
    createdBy: null,
    error: null,
    recipients: m.recipientCount,
    purchases: null,
    revenue: null,
  };
}

/** Purchases and revenue per Fanvue message id, from the earnings ledger. */
export async function ledgerByMessage(creatorId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { purchases: number; revenue: number; net: number }>();
  const rows = await db.earningRow.groupBy({ by: ["messageUuid"], where: { creatorId, messageUuid: { in: ids } }, _count: { _all: true }, _sum: { gross: true, net: true } });
  return new Map(rows.map((r) => [r.messageUuid!, { purchases: r._count._all, revenue: r._sum.gross ?? 0, net: r._sum.net ?? 0 }]));
}

export async function ledgerSyncedAt(creatorId: string) {
  const s = await db.syncState.findUnique({ where: { creatorId_stream: { creatorId, stream: "earnings" } } });
  return s?.lastSyncedAt ?? null;
}

export async function getCampaigns(access: CreatorAccess): Promise<CampaignsPage> {
  const client = clientForCreator(access);
  const [ours, snap] = await Promise.all([
    db.massCampaign.findMany({ where: { creatorId: access.creator.id }, orderBy: { createdAt: "desc" }, take: HISTORY_LIMIT }),
    // Our own records (queued, unclear) must show even when Fanvue is down.
    withSnapshot(`mass-list:${access.creator.id}`, async () => (await listMassMessages(client, 1)).data, { maxAgeMs: COALESCE_MS }).catch((err: unknown) => ({
      data: [] as FanvueMassMessage[],
      fetchedAt: null,
      stale: true,
      error: err instanceof Error ? err.message : "Fanvue could not be reached",
    })),
  ]);
  const fanvue = new Map(snap.data.map((m) => [m.uuid, m]));
  const items: CampaignView[] = ours.map((c) => {
    const v = toCampaignView(c);
    const f = c.fanvueId ? fanvue.get(c.fanvueId) : undefined;
    if (f) {
      fanvue.delete(f.uuid);
      if (v.status === "scheduled" && f.status === "SENT") v.status = "sent";
      if (f.status === "UNSENT") v.status = v.status === "sent" || f.sentAt ? "unsent" : "cancelled";
      v.sentAt = v.sentAt ?? f.sentAt;
      v.recipients = f.recipientCount ?? v.recipients;
    }
    return v;
  });
  items.push(...[...fanvue.values()].map(fromFanvue));
  items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const synced = await ledgerSyncedAt(access.creator.id);
  const ledger = await ledgerByMessage(access.creator.id, items.flatMap((i) => (i.fanvueId ? [i.fanvueId] : [])));
  for (const i of items) {
    // Before the first ledger sync the figures are unknown, not zero.
    if (!synced || !i.fanvueId || i.status === "scheduled") continue;
    const l = ledger.get(i.fanvueId);
    i.purchases = l?.purchases ?? 0;
    i.revenue = l?.revenue ?? 0;
  }
  const fanvueError = "error" in snap ? snap.error : null;
  return { items, fetchedAt: snap.fetchedAt, stale: snap.stale, fanvueError, ledgerSyncedAt: synced?.toISOString() ?? null };
}
