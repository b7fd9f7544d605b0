import "server-only";
import type { FanNoteView, FanPanel, InsightView } from "@/lib/schemas/fans";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { auditFanView } from "@/lib/server/fans/audit";
import { insightLoader, subjectOf } from "@/lib/server/fans/insights/insights";
import { ledgerSpend } from "@/lib/server/fans/ledger";
import { getFanProfile, tagsOf } from "@/lib/server/fans/roster/roster";

// The fan panel: profile, insights (with their age), ledger figures, notes
// and tags. Fanvue saying "not a fan" is a 404 naming the creator, so the
// panel shows that instead of zeros; "forbidden" is only "not visible to
// this account" (Fanvue's reference says no more about why).

export const noteView = (n: {
  id: string;
  body: string;
  authorName: string;
  authorUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}): FanNoteView => ({
  id: n.id,
  body: n.body,
  authorName: n.authorName,
  authorUserId: n.authorUserId,
  createdAt: n.createdAt.toISOString(),
  updatedAt: n.updatedAt.toISOString(),
});

/** Fanvue's insight for one fan; 404 when Fanvue says the person is not this creator's fan. */
export async function fanInsightOrThrow(access: CreatorAccess, fanUuid: string): Promise<InsightView> {
  const insight = (await insightLoader().load(subjectOf(access), [fanUuid])).get(fanUuid)!;
  const who = `@${access.creator.handle}`;
  if (insight.state === "not_found")
    throw new ApiError(
      "not_found",
      `Not a fan of ${who}: Fanvue lists no subscriber or follower of ${who} with this id.`,
    );
  if (insight.state === "forbidden") throw new ApiError("not_found", "Not visible to this account.");
  return insight;
}

export async function getFanPanel(
  access: CreatorAccess,
  fanUuid: string,
  user: { id: string; name: string },
): Promise<FanPanel> {
  const creatorId = access.creator.id;
  // All at once; a non-fan's 404 still wins (Promise.all rejects with it).
  const [insight, fan, notes, tags, ledger] = await Promise.all([
    fanInsightOrThrow(access, fanUuid),
    getFanProfile(creatorId, fanUuid),
    db.fanNote.findMany({ where: { creatorId, fanUuid }, orderBy: { createdAt: "desc" } }),
    tagsOf(creatorId, [fanUuid]),
    ledgerSpend(creatorId, [fanUuid]),
  ]);
  // No figures and no answer (e.g. Fanvue needs reconnecting): the error
  // itself is the useful answer, with its reconnect/retry affordance.
  if (insight.state === "error" && !insight.data && insight.error && insight.error.kind !== "internal") {
    throw new FanvueError(insight.error.kind as FanvueError["kind"], insight.error.message);
  }
  const spend = ledger?.get(fanUuid) ?? null;
  if (insight.data || spend)
    await auditFanView(access, user, { target: fanUuid, details: { fan: fan?.handle || undefined } });
  return { fan, insight, ledger: spend, notes: notes.map(noteView), tags: tags.get(fanUuid) ?? [] };
}
