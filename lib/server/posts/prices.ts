import "server-only";
import { MIN_PRICE_CENTS } from "@/lib/utils/money";
import type { PricePick } from "@/lib/schemas/post-views";
import { clientForCreator } from "@/lib/server/creators/client";
import { db } from "@/lib/server/db";
import { wholeCents } from "@/lib/server/earnings/money";
import { listPosts } from "@/lib/server/fanvue/resources/posts";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

// The creator's usual PPV prices, offered as quick picks in the composer:
// the prices of their recent posts (Fanvue's list and what was posted here)
// and what fans actually paid to unlock posts (the earnings ledger).

/** Quick picks shown: a row of buttons that fits a phone. */
const PICKS = 4;
/** Prices drift; half a year reflects the current ones. */
const LEDGER_DAYS = 180;
/** The price list barely changes; one Fanvue read per 10 min at most. */
const POSTS_MAX_AGE_MS = 10 * 60_000;

export async function usualPrices(access: CreatorAccess): Promise<PricePick[]> {
  const creatorId = access.creator.id;
  const counts = new Map<number, number>();
  const add = (cents: number | null, n = 1) => {
    if (cents !== null && cents >= MIN_PRICE_CENTS) counts.set(cents, (counts.get(cents) ?? 0) + n);
  };
  const records = await db.postRecord.findMany({
    where: { creatorId, state: "created", price: { not: null } },
    select: { price: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  for (const r of records) add(r.price);
  const since = new Date(Date.now() - LEDGER_DAYS * 86_400_000);
  const unlocks = await db.earningRow.groupBy({
    by: ["gross"],
    where: { creatorId, source: "post", occurredAt: { gte: since } },
    _count: { _all: true },
  });
  for (const u of unlocks) add(wholeCents(u.gross), u._count._all);
  // Creators and agencies alike (/posts, /creators/{c}/posts). A failure here
  // only costs the picks from Fanvue's list, not the composer.
  const posts = await withSnapshot(
    `posts:prices:${creatorId}`,
    async () => (await listPosts(clientForCreator(access), 1)).data.map((p) => p.price),
    { maxAgeMs: POSTS_MAX_AGE_MS },
  ).catch((err) => {
    console.warn(`[posts] price picks without Fanvue's post list: ${err instanceof Error ? err.message : err}`);
    return null;
  });
  for (const p of posts?.data ?? []) add(p);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, PICKS)
    .map(([cents, uses]) => ({ cents, uses }))
    .sort((a, b) => a.cents - b.cents);
}
