// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import {
  arr,
  bool,
  cursorOf,
  dateTime,
  enm,
  map,
  nul,
  num,
  obj,
  oneOf,
  opt,
  pageOf,
  q,
  route,
  str,
  uuid,
} from "../dsl";
import {
  averageByDayOfWeek,
  breakdownBySource,
  earningsByType,
  getCreatorEarningsResponseItem,
  getCreatorSubscribersResponseItem,
  getCreatorTopSpendersResponseItem,
  overTimeItem,
  period,
  spending,
  subscription,
  thisMonth,
  user3,
} from "./shapes";

export const getCreatorEarnings = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/insights/earnings",
  id: "getCreatorEarnings",
  scopes: ["read:creator", "read:insights"],
  query: {
    startDate: q.date(),
    endDate: q.date(),
    source: q.list(
      q.enm([
        "all",
        "affiliate",
        "mediaLink",
        "message",
        "post",
        "referral",
        "renewal",
        "subscription",
        "tip",
        "giveaway",
        "appStore",
        "checkoutLink",
      ]),
      "comma",
    ),
    cursor: q.str(),
    size: q.num({ min: 1, max: 50, default: 20 }),
  },
  body: null,
  responses: { 200: cursorOf(getCreatorEarningsResponseItem) },
  source: "both",
});

export const getCreatorEarningsSummary = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/insights/earnings/summary",
  id: "getCreatorEarningsSummary",
  scopes: ["read:creator", "read:insights"],
  query: {
    startDate: q.date(),
    endDate: q.date(),
    granularity: q.enm(["day", "week"], { default: "day" }),
    timezone: q.str({ default: "UTC" }),
  },
  body: null,
  responses: {
    200: obj({
      averageByDayOfWeek: averageByDayOfWeek,
      averageByHourOfDay: map(num()),
      breakdownBySource: breakdownBySource,
      earningsByType: earningsByType,
      overTime: arr(overTimeItem),
      period: period,
      totals: obj({ allTime: obj({ gross: num(), net: num() }), thisMonth: thisMonth }),
    }),
  },
  source: "consolidated",
});

export const getCreatorSubscribers = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/insights/subscribers",
  id: "getCreatorSubscribers",
  scopes: ["read:creator", "read:insights"],
  query: { startDate: q.date(), endDate: q.date(), cursor: q.str(), size: q.num({ min: 1, max: 50, default: 20 }) },
  body: null,
  responses: { 200: cursorOf(getCreatorSubscribersResponseItem) },
  source: "both",
});

export const getCreatorTopSpenders = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/insights/top-spenders",
  id: "getCreatorTopSpenders",
  scopes: ["read:creator", "read:insights", "read:fan"],
  query: {
    startDate: q.date(),
    endDate: q.date(),
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
  },
  body: null,
  responses: { 200: pageOf(getCreatorTopSpendersResponseItem) },
  source: "both",
});

export const getEarnings = route({
  method: "GET",
  path: "/insights/earnings",
  id: "getEarnings",
  scopes: ["read:insights"],
  query: {
    startDate: q.date(),
    endDate: q.date(),
    source: q.list(
      q.enm([
        "all",
        "affiliate",
        "mediaLink",
        "message",
        "post",
        "referral",
        "renewal",
        "subscription",
        "tip",
        "giveaway",
        "appStore",
        "checkoutLink",
      ]),
      "comma",
    ),
    cursor: q.str(),
    size: q.num({ min: 1, max: 50, default: 20 }),
  },
  body: null,
  responses: { 200: cursorOf(getCreatorEarningsResponseItem) },
  source: "both",
});

export const getEarningsPercentile = route({
  method: "GET",
  path: "/insights/earnings/percentile",
  id: "getEarningsPercentile",
  scopes: ["read:insights"],
  query: {},
  body: null,
  responses: { 200: obj({ percentile: num() }) },
  source: "consolidated",
});

export const getEarningsSummary = route({
  method: "GET",
  path: "/insights/earnings/summary",
  id: "getEarningsSummary",
  scopes: ["read:insights"],
  query: {
    startDate: q.date(),
    endDate: q.date(),
    granularity: q.enm(["day", "week"], { default: "day" }),
    timezone: q.str({ default: "UTC" }),
  },
  body: null,
  responses: {
    200: obj({
      averageByDayOfWeek: averageByDayOfWeek,
      averageByHourOfDay: map(num()),
      breakdownBySource: breakdownBySource,
      earningsByType: earningsByType,
      overTime: arr(overTimeItem),
      period: period,
      totals: obj({ allTime: obj({ gross: num(), net: num() }), thisMonth: thisMonth }),
    }),
  },
  source: "consolidated",
});

export const getBulkFanInsights = route({
  method: "GET",
  path: "/insights/fans",
  id: "getBulkFanInsights",
  scopes: ["read:insights", "read:fan"],
  query: { fanUuids: q.str({ required: true }) },
  body: null,
  responses: {
    200: obj({
      errors: arr(obj({ code: enm(["NOT_FOUND", "INTERNAL"]), fanUuid: uuid(), message: str() })),
      results: map(
        nul(
          obj({
            spending: spending,
            status: enm(["subscriber", "expired", "follower", "not_contactable"]),
            subscription: subscription,
          }),
        ),
      ),
    }),
  },
  source: "consolidated",
});

export const batchFanInsights = route({
  method: "POST",
  path: "/insights/fans/batch",
  id: "batchFanInsights",
  scopes: ["read:insights", "read:fan"],
  query: {},
  body: obj({ userUuids: arr(uuid()).min(1).max(100) }),
  responses: {
    200: map(
      oneOf(
        obj({
          spending: spending,
          status: enm(["subscriber", "expired", "follower", "not_contactable"]),
          subscription: subscription,
        }),
        obj({ error: enm(["forbidden", "not_found", "internal"]) }),
      ),
    ),
  },
  source: "consolidated",
});

export const getFanInsights = route({
  method: "GET",
  path: "/insights/fans/{userUuid}",
  id: "getFanInsights",
  scopes: ["read:insights", "read:fan"],
  query: {},
  body: null,
  responses: {
    200: obj({
      status: enm(["subscriber", "expired", "follower", "not_contactable"]),
      spending: obj({
        lastPurchaseAt: nul(dateTime()),
        total: obj({ gross: num(), total: num() }),
        maxSinglePayment: obj({ gross: num(), total: num() }),
        sources: map(obj({ gross: num(), total: num() })),
      }),
      subscription: obj({ createdAt: nul(dateTime()), renewsAt: nul(dateTime()), autoRenewalEnabled: bool() }),
    }),
  },
  source: "both",
});

export const getSpending = route({
  method: "GET",
  path: "/insights/spending",
  id: "getSpending",
  scopes: ["read:insights"],
  query: {
    startDate: q.date(),
    endDate: q.date(),
    source: q.list(q.enm(["all", "refund", "chargeback"]), "comma"),
    cursor: q.str(),
    size: q.num({ min: 1, max: 50, default: 20 }),
  },
  body: null,
  responses: {
    200: cursorOf(
      obj({
        currency: nul(str()),
        date: str(),
        gross: num(),
        messageUuid: opt(uuid()),
        net: num(),
        postUuid: opt(uuid()),
        source: enm(["refund", "chargeback"]),
        user: nul(user3),
      }),
    ),
  },
  source: "consolidated",
});

export const getSubscribers = route({
  method: "GET",
  path: "/insights/subscribers",
  id: "getSubscribers",
  scopes: ["read:insights"],
  query: { startDate: q.date(), endDate: q.date(), cursor: q.str(), size: q.num({ min: 1, max: 50, default: 20 }) },
  body: null,
  responses: { 200: cursorOf(getCreatorSubscribersResponseItem) },
  source: "both",
});

export const getTopSpenders = route({
  method: "GET",
  path: "/insights/top-spenders",
  id: "getTopSpenders",
  scopes: ["read:insights", "read:fan"],
  query: {
    startDate: q.date(),
    endDate: q.date(),
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
  },
  body: null,
  responses: { 200: pageOf(getCreatorTopSpendersResponseItem) },
  source: "both",
});
