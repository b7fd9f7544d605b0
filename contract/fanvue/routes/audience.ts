// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { arr, dateTime, nul, num, obj, pageOf, q, route, uuid } from "../dsl";
import { user } from "./shapes";

export const listCreatorFollowers = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/followers",
  id: "listCreatorFollowers",
  scopes: ["read:creator", "read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(user) },
  source: "both",
});

export const listCreatorSubscribers = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/subscribers",
  id: "listCreatorSubscribers",
  scopes: ["read:creator", "read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(user) },
  source: "both",
});

export const getOnlineSubscribers = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/subscribers/online",
  id: "getOnlineSubscribers",
  scopes: ["read:creator", "read:fan"],
  query: { limit: q.num({ min: 1, max: 50, default: 1000 }), subscriberUuids: q.str() },
  body: null,
  responses: { 200: obj({ count: num(), data: arr(obj({ lastSeenAt: nul(dateTime()), uuid: uuid() })) }) },
  source: "consolidated",
});

export const listFollowers = route({
  method: "GET",
  path: "/followers",
  id: "listFollowers",
  scopes: ["read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(user) },
  source: "both",
});

export const listSubscribers = route({
  method: "GET",
  path: "/subscribers",
  id: "listSubscribers",
  scopes: ["read:fan"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    sortField: q.enm(["name", "subscribedAt"]),
    sortDirection: q.enm(["asc", "desc"]),
  },
  body: null,
  responses: { 200: pageOf(user) },
  source: "both",
});
