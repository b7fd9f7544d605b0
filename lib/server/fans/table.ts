import "server-only";
import type { FanProfile, FanRow, FansPage, FansQuery } from "@/lib/schemas/fans";
import { clientForCreator } from "@/lib/server/creators/client";
import { listAudiencePage } from "@/lib/server/fanvue/resources/audience";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { queryAnalysed } from "./analysed-query";
import { auditFanView } from "./audit";
import { audienceCounts, coverageOf } from "./coverage";
import { hasFanInsights, insightLoader, subjectOf } from "./insights";
import { ledgerSpend } from "./ledger";
import { fromFanUser, recordFans, tagsOf, toProfile } from "./roster";
import { segmentFromQuery } from "./segments";

// GET /fans: subscribers/followers with their insights. Two modes:
// - live: Fanvue's own list order, paged server-side by Fanvue (any audience
//   size), insight columns filled through the batched loader;
// - analysed: sorting, tags and segments over the audience in our database,
//   complete once the whole audience is analysed, marked partial until then.

const INSIGHT_COLUMNS = ["status", "spend", "lastPurchase", "subscribedAt", "renewsAt", "autoRenew"];

async function withInsights(access: CreatorAccess, profiles: FanProfile[]): Promise<FanRow[]> {
  const uuids = profiles.map((p) => p.uuid);
  const [insights, tags, ledger] = await Promise.all([
    insightLoader().load(subjectOf(access), uuids),
    tagsOf(access.creator.id, uuids),
    ledgerSpend(access.creator.id, uuids),
  ]);
  return profiles.map((p) => {
    const l = ledger?.get(p.uuid);
    return { ...p, insight: insights.get(p.uuid)!, ledger: l ? { gross: l.gross, net: l.net } : null, tags: tags.get(p.uuid) ?? [] };
  });
}

export async function listFans(access: CreatorAccess, query: FansQuery, user: { id: string; name: string }): Promise<FansPage> {
  const creatorId = access.creator.id;
  const segment = await segmentFromQuery(creatorId, query);
  const live = query.sort === "recent" && !query.tag && !segment && query.list !== "all";
  const countsP = audienceCounts(access);
  let rows: FanRow[];
  let hasMore: boolean;
  let total: number | null = null;
  if (live) {
    const list = query.list as "subscribers" | "followers";
    const page = await listAudiencePage(clientForCreator(access), list, { page: query.page, size: query.size, search: query.search });
    await recordFans(creatorId, list, page.data);
    rows = await withInsights(access, page.data.map((f) => fromFanUser(f, list)));
    hasMore = page.pagination.hasMore;
  } else {
    const res = await queryAnalysed(creatorId, { ...query, segment });
    rows = await withInsights(access, res.fans.map(toProfile));
    total = res.total;
    hasMore = query.page * query.size < res.total;
  }
  const coverage = await coverageOf(creatorId, query.list, await countsP);
  // Only a look at money is audited (agency creators show none without a ledger).
  if (rows.some((r) => r.insight.data || r.ledger)) await auditFanView(access, user, { target: `list:${query.list}`, details: { fans: rows.length, page: query.page } });
  return {
    mode: live ? "live" : "analysed",
    rows,
    page: query.page,
    size: query.size,
    hasMore,
    total,
    coverage,
    partialColumns: live || coverage.complete ? [] : INSIGHT_COLUMNS,
    insightsAvailable: hasFanInsights(access),
    segment,
  };
}
