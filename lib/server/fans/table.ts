import "server-only";
import type { FanProfile, FanRow, FansPage, FansQuery } from "@/lib/schemas/fans";
import { clientForCreator } from "@/lib/server/creators/client";
import { describeForLog, FANVUE_ERROR_TEXT, FanvueError } from "@/lib/server/fanvue/errors";
import { listAudiencePage } from "@/lib/server/fanvue/resources/audience";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { auditFanView } from "@/lib/server/fans/audit";
import { audienceCounts, coverageOf, type AudienceCounts } from "@/lib/server/fans/analysis/coverage";
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

/** How long a page waits for Fanvue's live list (retries included) before
 * the roster stands in: a slow Fanvue times out after 15 s per attempt and
 * is retried, which held the page on a skeleton for most of a minute. */
const LIVE_BUDGET_MS = 2_500;

/** A page of Fanvue's list as it is now (it also feeds the roster). */
async function livePage(access: CreatorAccess, query: FansQuery) {
  const list = query.list as "subscribers" | "followers";
  const deadline = AbortSignal.timeout(LIVE_BUDGET_MS);
  let page;
  try {
    page = await listAudiencePage(
      clientForCreator(access),
      list,
      { page: query.page, size: query.size },
      { signal: deadline },
    );
  } catch (err) {
    if (deadline.aborted) throw new FanvueError("timeout", FANVUE_ERROR_TEXT.timeout, { cause: err });
    throw err;
  }
  await recordFans(access.creator.id, list, page.data);
  return { profiles: page.data.map((f) => fromFanUser(f, list)), hasMore: page.pagination.hasMore, total: null };
}

type Segment = Awaited<ReturnType<typeof segmentFromQuery>>;

async function rosterPage(access: CreatorAccess, query: FansQuery, segment: Segment) {
  const res = await queryRoster(access.creator.id, { ...query, segment });
  return { profiles: res.fans.map(toProfile), hasMore: query.page * query.size < res.total, total: res.total };
}

/** Degrade, never block: when Fanvue's list fails, the roster stands in
 * and the page says why, with the roster's age. A reconnect or a rate limit
 * with no roster to show is the page's own state instead. */
async function pageFor(
  access: CreatorAccess,
  query: FansQuery,
  segment: Segment,
  live: boolean,
): Promise<{
  page: { profiles: FanProfile[]; hasMore: boolean; total: number | null };
  live: boolean;
  fallback: string | null;
}> {
  if (!live) return { page: await rosterPage(access, query, segment), live: false, fallback: null };
  try {
    return { page: await livePage(access, query), live: true, fallback: null };
  } catch (err) {
    if (!(err instanceof FanvueError)) throw err;
    console.error(`[fans] Fanvue's list failed, the roster stands in: ${describeForLog(err)}`);
    const page = await rosterPage(access, query, segment);
    if (page.profiles.length === 0 && (err.kind === "reauth" || err.kind === "rate_limited")) throw err;
    return { page, live: false, fallback: FANVUE_ERROR_TEXT[err.kind] };
  }
}

/** Fanvue's audience counts, or what was known, without holding the page on a slow Fanvue. */
function countsWithin(access: CreatorAccess, ms: number): Promise<AudienceCounts> {
  const unknown: AudienceCounts = { subscribers: null, followers: null };
  return Promise.race([
    audienceCounts(access),
    new Promise<AudienceCounts>((resolve) => setTimeout(() => resolve(unknown), ms).unref?.()),
  ]);
}

export async function listFans(
  access: CreatorAccess,
  query: FansQuery,
  user: { id: string; name: string },
): Promise<FansPage> {
  const creatorId = access.creator.id;
  const segment = await segmentFromQuery(creatorId, query);
  // The call goes on after the budget and fills the memo for the next page.
  const countsP = countsWithin(access, LIVE_BUDGET_MS);
  const roster = await getRosterView(access);
  const browsing = query.sort === "recent" && !query.search && !query.tag && !segment && query.list !== "all";
  const { page, live, fallback } = await pageFor(access, query, segment, !roster.synced && browsing);
  const rows = await withInsights(access, page.profiles);
  // Sorting or filtering by what only insights say covers the analysed fans.
  const byInsight = query.sort !== "recent" && query.sort !== "name";
  const partial = (byInsight || segment !== null) && hasFanInsights(access);
  const coverage = await coverageOf(creatorId, query.list, await countsP, { partial });
  // Only a look at money is audited (agency creators show none without a ledger).
  if (rows.some((r) => r.insight.data || r.ledger))
    await auditFanView(access, user, {
      target: `list:${query.list}`,
      details: { fans: rows.length, page: query.page },
    });
  return {
    mode: live ? "live" : "roster",
    fallback,
    rows,
    page: query.page,
    size: query.size,
    hasMore: page.hasMore,
    total: page.total,
    roster: roster.view,
    coverage,
    partialColumns: partial && !coverage.complete ? INSIGHT_COLUMNS : [],
    insightsAvailable: hasFanInsights(access),
    segment,
  };
}
