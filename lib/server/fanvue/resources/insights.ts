import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { parseResponse } from "../parse";
import { cents, cursorOf, isoDate, money, nullable, openEnum } from "../schemas/common";

// Insights: earnings and spending rows, cursor style, newest first, up to 50
// a page. Amounts are `money`: exact as Fanvue sends them (the ledger keeps
// them exact and rounds sums once; see CONVENTIONS.md "Money and time").

export const EARNING_SOURCES = [
  "subscription",
  "renewal",
  "tip",
  "message",
  "post",
  "referral",
  "affiliate",
  "giveaway",
  "mediaLink",
  "checkoutLink",
  "appStore",
] as const;

const rowUser = nullable(
  z.looseObject({ uuid: z.string(), handle: nullable(z.string()), displayName: nullable(z.string()) }),
);

/** Where a payment stands with Fanvue (the reference's two values). */
export const ORDER_STATUSES = ["availableForPayout", "pendingBalance"] as const;

export const earningRowSchema = z.looseObject({
  date: isoDate,
  gross: money,
  net: money,
  currency: nullable(z.string()),
  source: openEnum(EARNING_SOURCES),
  user: rowUser,
  // Optional in the reference: a row may name neither.
  messageUuid: nullable(z.string()),
  postUuid: nullable(z.string()),
  transactionOrderId: nullable(z.string()),
  transactionOrderStatus: nullable(openEnum(ORDER_STATUSES)),
});
export type FanvueEarningRow = z.infer<typeof earningRowSchema>;

/** A refund or chargeback. The reference does not say which payment it reverses. */
export const spendingRowSchema = z.looseObject({
  date: isoDate,
  gross: money,
  net: money,
  source: openEnum(["refund", "chargeback"] as const),
  user: rowUser,
  messageUuid: nullable(z.string()),
  postUuid: nullable(z.string()),
});
export type FanvueSpendingRow = z.infer<typeof spendingRowSchema>;

type Window = {
  startDate: string;
  endDate: string;
  cursor?: string;
  size?: number;
  priority?: Priority;
  signal?: AbortSignal;
};

const earningsPage = cursorOf(earningRowSchema);
const spendingPage = cursorOf(spendingRowSchema);

export async function getEarningsPage(client: FanvueClient, w: Window) {
  const res = await client.creator("GET", "/insights/earnings", {
    query: { startDate: w.startDate, endDate: w.endDate, cursor: w.cursor, size: w.size ?? 50 },
    priority: w.priority ?? "background",
    signal: w.signal,
  });
  return parseResponse(earningsPage, res.body, "/insights/earnings");
}

/** Refunds and chargebacks. Fanvue offers no creator-scoped variant for
 * agencies: "unsupported" there. */
export async function getSpendingPage(client: FanvueClient, w: Window) {
  const res = await client.selfOnly("GET", "/insights/spending", {
    query: { startDate: w.startDate, endDate: w.endDate, cursor: w.cursor, size: w.size ?? 50 },
    priority: w.priority ?? "background",
    signal: w.signal,
  });
  return parseResponse(spendingPage, res.body, "/insights/spending");
}

const periodSummarySchema = z.looseObject({
  overTime: z.array(z.looseObject({ periodStart: z.string(), gross: money, net: money })),
  period: z.looseObject({
    startDate: nullable(z.string()),
    endDate: nullable(z.string()),
    granularity: z.string(),
    timezone: z.string(),
  }),
});
export type FanvueEarningsSummary = z.infer<typeof periodSummarySchema>;

/** Fanvue's own earnings summary for a window (`startDate` inclusive,
 * `endDate` exclusive, instants), bucketed by day in `timezone`. `period`
 * says which zone Fanvue actually used. */
export async function getEarningsSummary(
  client: FanvueClient,
  w: { startDate: string; endDate: string; timezone: string; priority?: Priority; signal?: AbortSignal },
) {
  const res = await client.creator("GET", "/insights/earnings/summary", {
    query: { startDate: w.startDate, endDate: w.endDate, granularity: "day", timezone: w.timezone },
    priority: w.priority ?? "interactive",
    signal: w.signal,
  });
  return parseResponse(periodSummarySchema, res.body, "/insights/earnings/summary");
}

const summarySchema = z.looseObject({
  totals: z.looseObject({ allTime: z.looseObject({ gross: cents, net: cents }) }),
});

/** All-time gross and net (GET /insights/earnings/summary); used to show a
 * backfill's progress. */
export async function getAllTimeEarnings(client: FanvueClient, priority: Priority = "background") {
  const res = await client.creator("GET", "/insights/earnings/summary", { priority });
  return parseResponse(summarySchema, res.body, "/insights/earnings/summary").totals.allTime;
}
