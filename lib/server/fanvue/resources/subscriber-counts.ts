import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { cursorPages } from "../paginate";
import { parseResponse } from "../parse";
import { cursorOf, isoDate } from "../schemas/common";

// Fanvue's daily subscriber counts (contract: getSubscribers /
// getCreatorSubscribers in contract/fanvue/routes/insights.ts): GET
// /insights/subscribers for a creator's own connection,
// /creators/{creatorUserUuid}/insights/subscribers for an agency's (through
// `client.creator`). Fanvue aggregates days from midnight at the offset the
// startDate carries, one offset per request; endDate is exclusive. Only
// date, startDate, endDate, cursor and size are sent; `total` (a running sum
// from the start) is not read.

/** Fanvue's largest page: fewest calls for a long range. */
export const SUBSCRIBER_COUNTS_PAGE = 50;
/** Five years of days, with room: a runaway cursor stops here. */
const MAX_DAYS = 2_000;

/** Counts are typed `number` by the reference; a fraction would be Fanvue's bug, rounded rather than failing the page. */
const count = z
  .number()
  .refine(Number.isFinite)
  .transform((v) => Math.max(0, Math.round(v)));

export const subscriberCountSchema = z.looseObject({
  /** UTC instant of the day's start (midnight at the request's offset). */
  date: isoDate,
  newSubscribersCount: count,
  cancelledSubscribersCount: count,
});
export type FanvueSubscriberCount = z.infer<typeof subscriberCountSchema>;

type Span = { startDate: string; endDate: string };
type ReadOptions = { priority?: Priority; signal?: AbortSignal };

export async function getSubscriberCountsPage(
  client: FanvueClient,
  span: Span,
  cursor: string | undefined,
  o: ReadOptions = {},
) {
  const res = await client.creator("GET", "/insights/subscribers", {
    query: { startDate: span.startDate, endDate: span.endDate, cursor, size: SUBSCRIBER_COUNTS_PAGE },
    priority: o.priority,
    signal: o.signal,
  });
  return parseResponse(cursorOf(subscriberCountSchema), res.body, "/insights/subscribers");
}

/** Every day of the span, following Fanvue's cursor to the end. */
export async function getSubscriberCounts(client: FanvueClient, span: Span, o: ReadOptions = {}) {
  const out: FanvueSubscriberCount[] = [];
  for await (const page of cursorPages((cursor) => getSubscriberCountsPage(client, span, cursor, o))) {
    out.push(...page.items);
    if (out.length >= MAX_DAYS) break;
  }
  return out;
}
