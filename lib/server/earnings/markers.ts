import "server-only";
import type { EarningsMarker, EarningsMarkers, EarningsQuery } from "@/lib/schemas/earnings";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { listPosts, POSTS_PAGE_SIZE, type FanvuePost } from "@/lib/server/fanvue/resources/posts";
import { getCampaigns } from "@/lib/server/mass/history";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { bucketStarts, localDate } from "@/lib/utils/date-range";
import { resolveRange } from "./report";
import { formatCount } from "@/lib/utils/format";

// Markers for the earnings chart: posts published and mass messages sent in
// the range, each placed in the bucket (viewer's zone) it happened in, so a
// spike can be read against what caused it.

/** Posts walked newest first: 4 pages of 50 (4 Fanvue calls at most, each
 * cached 30 s). Older posts in a long range are left out and said so. */
const MAX_POST_PAGES = 4;

const snippet = (text: string | null, fallback: string) => {
  const t = (text ?? "").replace(/\s+/g, " ").trim();
  return t ? (t.length > 60 ? `${t.slice(0, 59)}…` : t) : fallback;
};

async function fanvuePosts(access: CreatorAccess, startMs: number) {
  const client = clientForCreator(access);
  const out: FanvuePost[] = [];
  for (let page = 1; page <= MAX_POST_PAGES; page++) {
    // Posts change rarely: a minute-old read spares the rate budget on every range change.
    // Published posts only: scheduled ones have not happened yet.
    const snap = await withSnapshot(
      `earnings:markers:posts:${access.creator.id}:${page}`,
      () => listPosts(client, page, POSTS_PAGE_SIZE, { includeUnpublished: false }),
      { maxAgeMs: 60_000 },
    );
    out.push(...snap.data.data);
    // Pinned posts come first, then newest published: stop once an unpinned
    // post is older than the range.
    const older = snap.data.data.some(
      (p) => !p.isPinned && p.publishedAt !== null && Date.parse(p.publishedAt) < startMs,
    );
    if (older || !snap.data.pagination.hasMore) return { posts: out, truncated: false };
  }
  return { posts: out, truncated: true };
}

export async function earningsMarkers(
  access: CreatorAccess,
  q: EarningsQuery,
  now = Date.now(),
): Promise<EarningsMarkers> {
  const range = await resolveRange(q, [access.creator.id], now);
  const buckets = bucketStarts(range.from, range.to, q.granularity);
  const bucketOf = (ms: number) => {
    const day = localDate(ms, q.tz);
    let found = buckets[0]!;
    for (const b of buckets) if (b <= day) found = b;
    return found;
  };
  const inRange = (iso: string | null): iso is string =>
    iso !== null && Date.parse(iso) >= range.startMs && Date.parse(iso) < range.endMs && Date.parse(iso) <= now;
  const markers: EarningsMarker[] = [];
  const problems: string[] = [];
  let truncated = false;

  // Fanvue's post list (/posts, or /creators/{c}/posts for an agency) has
  // every post, also those made outside Vuedeck; without it, ours.
  try {
    const r = await fanvuePosts(access, range.startMs);
    truncated = r.truncated;
    for (const p of r.posts) {
      if (!inRange(p.publishedAt)) continue;
      const price = p.price ? " (PPV)" : "";
      markers.push({
        kind: "post",
        id: p.uuid,
        at: p.publishedAt,
        bucket: bucketOf(Date.parse(p.publishedAt)),
        label: `Post${price}: ${snippet(p.text, "media post")}`,
      });
    }
  } catch (err) {
    problems.push(
      `posts made outside Vuedeck (${err instanceof FanvueError ? err.message.replace(/\.$/, "") : "Fanvue's post list could not be read"})`,
    );
    const rows = await db.postRecord.findMany({
      where: { creatorId: access.creator.id, state: "created", cancelledAt: null, fanvueUuid: { not: null } },
      orderBy: { createdAt: "desc" },
      take: 500,
    });
    for (const r of rows) {
      const at = (r.publishAt ?? r.createdAt).toISOString();
      if (!inRange(at)) continue;
      markers.push({
        kind: "post",
        id: r.fanvueUuid!,
        at,
        bucket: bucketOf(Date.parse(at)),
        label: `Post${r.price ? " (PPV)" : ""}: ${snippet(r.text, "media post")}`,
      });
    }
  }

  const mass = await getCampaigns(access);
  if (mass.fanvueError) problems.push(`mass messages sent outside Vuedeck (${mass.fanvueError.replace(/\.$/, "")})`);
  for (const c of mass.items) {
    // An unsent one still went out (and may have sold) at its time.
    if ((c.status !== "sent" && c.status !== "unsent") || !inRange(c.sentAt)) continue;
    const to = c.recipients !== null ? ` to ${formatCount(c.recipients)}` : "";
    markers.push({
      kind: "mass",
      id: c.id,
      at: c.sentAt,
      bucket: bucketOf(Date.parse(c.sentAt)),
      label: `Mass message${to}: ${snippet(c.text, "media")}`,
    });
  }
  markers.sort((a, b) => a.at.localeCompare(b.at));
  return { markers, truncated, partial: problems.length ? `Shown without ${problems.join(" or ")}` : null };
}
