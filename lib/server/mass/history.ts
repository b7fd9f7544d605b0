import "server-only";
import type { CampaignsPage, CampaignView } from "@/lib/schemas/mass-messages";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { wholeCents } from "@/lib/server/earnings/money";
import type { MassCampaign } from "@/generated/prisma/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import {
  listMassMessages,
  type FanvueMassMessage,
  type MASS_STATUSES,
} from "@/lib/server/fanvue/resources/mass-messages";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { toCampaignView } from "./campaigns";

type MassStatus = (typeof MASS_STATUSES)[number];

// Queue and history: our campaigns (including those still queued or in an
// unclear state) merged with Fanvue's list, which also shows mass messages
// sent outside Vuedeck. Purchases and revenue come from the synced ledger.

/** Newest campaigns shown; older ones are in Fanvue's own history. */
const HISTORY_LIMIT = 100;
/** Several tabs share one read of Fanvue's list. */
const COALESCE_MS = 5_000;

/** Fanvue's statuses (every one the reference lists) in our words. UNSENT
 * is "unsent" once it went out (buyers keep it), "cancelled" before. */
const STATUS: Record<Exclude<MassStatus, "UNSENT">, CampaignView["status"]> = {
  SENT: "sent",
  SCHEDULED: "scheduled",
  SENDING: "sending",
  FAILED: "failed",
  MODERATED: "moderated",
};

function statusOf(m: FanvueMassMessage): CampaignView["status"] {
  if (m.status === "UNSENT") return m.publishedAt ? "unsent" : "cancelled";
  return STATUS[m.status as keyof typeof STATUS] ?? "sent";
}

/** Why Fanvue failed or held it, in plain words (the reference gives no reason). */
const FANVUE_NOTE: Partial<Record<CampaignView["status"], string>> = {
  failed: "Fanvue reports that it could not deliver this mass message.",
  moderated: "Fanvue's moderation held this mass message back; fans did not receive it.",
};

function fromFanvue(m: FanvueMassMessage): CampaignView {
  const status = statusOf(m);
  return {
    id: `fanvue:${m.uuid}`,
    source: "fanvue",
    fanvueId: m.uuid,
    status,
    text: m.text,
    mediaUuids: m.mediaUuids,
    price: m.price,
    // Fanvue's list does not say which lists a mass message went to.
    included: null,
    excluded: null,
    holdoutPercent: 0,
    scheduledAt: m.scheduledAt,
    sentAt: m.publishedAt,
    createdAt: m.createdAt ?? m.publishedAt ?? new Date(0).toISOString(),
    createdBy: null,
    error: FANVUE_NOTE[status] ?? null,
    recipients: m.recipientCount,
    views: m.viewCount,
    purchases: null,
    revenue: null,
  };
}

/** Our record brought up to date with Fanvue's view of the same message. */
function mergeFanvue(v: CampaignView, f: FanvueMassMessage) {
  const s = statusOf(f);
  if (f.status === "UNSENT") v.status = v.status === "sent" || f.publishedAt ? "unsent" : "cancelled";
  else if (v.status === "scheduled" || v.status === "sent" || v.status === "sending") v.status = s;
  if (FANVUE_NOTE[v.status]) v.error = FANVUE_NOTE[v.status]!;
  v.sentAt = v.sentAt ?? f.publishedAt;
  v.recipients = f.recipientCount ?? v.recipients;
  v.views = f.viewCount;
}

/** Purchases and revenue per Fanvue message id, from the earnings ledger. */
export async function ledgerByMessage(creatorId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { purchases: number; revenue: number; net: number }>();
  const rows = await db.earningRow.groupBy({
    by: ["messageUuid"],
    where: { creatorId, messageUuid: { in: ids } },
    _count: { _all: true },
    _sum: { gross: true, net: true },
  });
  return new Map(
    rows.map((r) => [
      r.messageUuid!,
      { purchases: r._count._all, revenue: wholeCents(r._sum.gross), net: wholeCents(r._sum.net) },
    ]),
  );
}

export async function ledgerSyncedAt(creatorId: string) {
  const s = await db.syncState.findUnique({ where: { creatorId_stream: { creatorId, stream: "earnings" } } });
  return s?.lastSyncedAt ?? null;
}

/** Why Fanvue's list is missing, in plain words: it answered, or it did not. */
function listError(err: unknown) {
  if (!(err instanceof FanvueError)) return "Fanvue's list of mass messages could not be read.";
  if (err.kind === "unsupported" || err.kind === "not_found" || err.kind === "forbidden")
    return "Fanvue does not list mass messages for this account.";
  if (err.kind === "network") return "Fanvue could not be reached.";
  if (err.kind === "timeout" || err.kind === "stalled") return "Fanvue did not answer in time.";
  return "Fanvue's list of mass messages could not be read.";
}

/** Once sent, Fanvue's recipient count replaces the estimate we stored at
 * send time (it skips fans it cannot message), so results use it too. */
async function keepRecipientCounts(ours: MassCampaign[], fanvue: FanvueMassMessage[]) {
  const byId = new Map(fanvue.map((m) => [m.uuid, m]));
  for (const c of ours) {
    const f = c.fanvueId ? byId.get(c.fanvueId) : undefined;
    if (!f || f.publishedAt === null || f.recipientCount === null || f.recipientCount === c.recipientCount) continue;
    await db.massCampaign.update({ where: { id: c.id }, data: { recipientCount: f.recipientCount } });
  }
}

export async function getCampaigns(access: CreatorAccess): Promise<CampaignsPage> {
  const client = clientForCreator(access);
  const [ours, snap] = await Promise.all([
    db.massCampaign.findMany({
      where: { creatorId: access.creator.id },
      orderBy: { createdAt: "desc" },
      take: HISTORY_LIMIT,
    }),
    // Our own records (queued, unclear) must show even when Fanvue is down.
    withSnapshot(`mass-list:${access.creator.id}`, async () => (await listMassMessages(client, 1)).data, {
      maxAgeMs: COALESCE_MS,
    }).catch((err: unknown) => ({
      data: [] as FanvueMassMessage[],
      fetchedAt: null,
      stale: true,
      error: listError(err),
    })),
  ]);
  const fanvue = new Map(snap.data.map((m) => [m.uuid, m]));
  const items: CampaignView[] = ours.map((c) => {
    const v = toCampaignView(c);
    const f = c.fanvueId ? fanvue.get(c.fanvueId) : undefined;
    if (f) {
      fanvue.delete(f.uuid);
      mergeFanvue(v, f);
    }
    return v;
  });
  await keepRecipientCounts(ours, snap.data);
  items.push(...[...fanvue.values()].map(fromFanvue));
  items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const synced = await ledgerSyncedAt(access.creator.id);
  const ledger = await ledgerByMessage(
    access.creator.id,
    items.flatMap((i) => (i.fanvueId ? [i.fanvueId] : [])),
  );
  for (const i of items) {
    // Before the first ledger sync the figures are unknown, not zero.
    if (!synced || !i.fanvueId || i.status === "scheduled") continue;
    const l = ledger.get(i.fanvueId);
    i.purchases = l?.purchases ?? 0;
    i.revenue = l?.revenue ?? 0;
  }
  const fanvueError = "error" in snap ? snap.error : null;
  return {
    items,
    fetchedAt: snap.fetchedAt,
    stale: snap.stale,
    fanvueError,
    ledgerSyncedAt: synced?.toISOString() ?? null,
  };
}
