import "server-only";
import { forgetPerRequest, perRequest } from "@/lib/server/api/request-context";
import { db } from "@/lib/server/db";

const keyOf = (creatorId: string) => `listCounts:${creatorId}`;

/** After this request wrote roster fans: its next look at the counts reads them again. */
export const forgetListCounts = (creatorId: string) => forgetPerRequest(keyOf(creatorId));

/** The roster's size per list, kept by triggers (AudienceListCount): the same
 * at 100,000 fans as at 10; read once per request however many parts ask. */
export const listCounts = (creatorId: string) =>
  perRequest(keyOf(creatorId), () =>
    db.audienceListCount.findMany({ where: { creatorId }, select: { list: true, fans: true, named: true } }),
  );

/** `field` summed over `lists`. */
export async function listCountSum(creatorId: string, lists: string[], field: "fans" | "named") {
  return (await listCounts(creatorId)).reduce((sum, r) => (lists.includes(r.list) ? sum + r[field] : sum), 0);
}
