import "server-only";
import type { FanProfile, FanRow, FansPage, FansQuery } from "@/lib/schemas/fans";
import { clientForCreator } from "@/lib/server/creators/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { listAudiencePage } from "@/lib/server/fanvue/resources/audience";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { auditFanView } from "@/lib/server/fans/audit";
import { audienceCounts, coverageOf } from "@/lib/server/fans/analysis/coverage";
import { hasFanInsights, insightLoader, subjectOf } from "@/lib/server/fans/insights/insights";
import { ledgerSpend } from "@/lib/server/fans/ledger";
import { fromFanUser, recordFans, tagsOf, toProfile } from "@/lib/server/fans/roster/roster";
import { queryRoster } from "@/lib/server/fans/roster/roster-query";
import { getRosterView } from "@/lib/server/fans/roster/roster-view";
import { segmentFromQuery } from "@/lib/server/fans/segments";

// GET /fans: subscribers/followers with their insights. Two modes:
// - roster: search, sorting, tags and segments over our copy of Fanvue's
//   lists (Fanvue's own lists take page and size only), with its age;
// - live: Fanvue's list page as it is now, only while the first roster sync
//   has not finished and the view asks for nothing Fanvue cannot do.
// Insight columns are filled through the batched loader either way.

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
    return {
      ...p,
      insight: insights.get(p.uuid)!,
      ledger: l ? { gross: l.gross, net: l.net } : null,
      tags: tags.get(p.uuid) ?? [],
    };
  });
}

/** A page of Fanvue's list as it is now (it also feeds the roster). */
async function livePage(access: CreatorAccess, query: FansQuery) {
  const list = query.list as "subscribers" | "followers";
  const page = await listAudiencePage(clientForCreator(access), list, { page: query.page, size: query.size });
  await recordFans(access.creator.id, list, page.data);
  return { profiles: page.data.map((f) => fromFanUser(f, list)), hasMore: page.pagination.hasMore, total: null };
}

type Segment = Awaited<ReturnType<typeof segmentFromQuery>>;

async function rosterPage(access: CreatorAccess, query: FansQuery, segment: Segment) {
  const res = await queryRoster(access.creator.id, { ...query, segment });
  return { profiles: res.fans.map(toProfile), hasMore: query.page * query.size < res.total, total: res.total };
}

/** Degrade, never block: when Fanvue's list fails, the roster stands in
 * (the page says it is still syncing, or why not); a reconnect or a rate
 * limit is the page's own state instead. */
async function pageFor(access: CreatorAccess, query: FansQuery, segment: Segment, live: boolean) {
  if (!live) return { page: await rosterPage(access, query, segment), live: false };
  try {
    return { page: await livePage(access, query), live: true };
  } catch (err) {
    if (!(err instanceof FanvueError) || err.kind === "reauth" || err.kind === "rate_limited") throw err;
    return { page: await rosterPage(access, query, segment), live: false };
  }
}

export async function listFans(
  access: CreatorAccess,
  query: FansQuery,
  user: { id: string; name: string },
): Promise<FansPage> {
  const creatorId = access.creator.id;
  const segment = await segmentFromQuery(creatorId, query);
  const countsP = audienceCounts(access);
  const roster = await getRosterView(access);
  const browsing = query.sort === "recent" && !query.search && !query.tag && !segment && query.list !== "all";
  const { page, live } = await pageFor(access, query, segment, !roster.synced && browsing);
  const rows = await withInsights(access, page.profiles);
  const coverage = await coverageOf(creatorId, query.list, await countsP);
  // Only a look at money is audited (agency creators show none without a ledger).
  if (rows.some((r) => r.insight.data || r.ledger))
    await auditFanView(access, user, {
      target: `list:${query.list}`,
      details: { fans: rows.length, page: query.page },
    });
  // Sorting or filtering by what only insights say covers the analysed fans.
  const byInsight = query.sort !== "recent" && query.sort !== "name";
  return {
    mode: live ? "live" : "roster",
    rows,
    page: query.page,
    size: query.size,
    hasMore: page.hasMore,
    total: page.total,
    roster: roster.view,
    coverage,
    partialColumns: (byInsight || segment) && hasFanInsights(access) && !coverage.complete ? INSIGHT_COLUMNS : [],
    insightsAvailable: hasFanInsights(access),
    segment,
  };
}
