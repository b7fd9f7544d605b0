import "server-only";
import { db } from "@/lib/server/db";
import { DEFAULT_TIMINGS } from "@/lib/server/fans/insights/insight-state";

/** A tip, purchase or new subscription changes what we know of the fan: the
 * cached insight (the fans feature's FanInsight row) is aged past its
 * freshness so the next panel read refreshes it from Fanvue. The data stays
 * as the fallback, so nothing is lost if that refresh fails. */
export async function invalidateFanInsight(creatorIds: string[], fanUuid: string) {
  if (creatorIds.length === 0) return;
  const fetchedBefore = new Date(Date.now() - DEFAULT_TIMINGS.freshMs - 1_000);
  const checkedBefore = new Date(Date.now() - DEFAULT_TIMINGS.negativeMs - 1_000);
  await db.fanInsight.updateMany({
    where: { creatorId: { in: creatorIds }, fanUuid, fetchedAt: { gt: fetchedBefore } },
    data: { fetchedAt: fetchedBefore },
  });
  // "Not a fan" answers are remembered too: a first tip makes them wrong.
  await db.fanInsight.updateMany({
    where: {
      creatorId: { in: creatorIds },
      fanUuid,
      state: { in: ["not_found", "forbidden"] },
      checkedAt: { gt: checkedBefore },
    },
    data: { checkedAt: checkedBefore },
  });
}
