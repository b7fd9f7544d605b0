// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { arr, bool, dateTime, enm, nul, num, obj, pageOf, q, route, str, uuid } from "../dsl";
import { listCollectionsResponseItem, listCreatorNotificationsResponseItem } from "./shapes";

export const getAppSubscriptionStatus = route({
  method: "GET",
  path: "/apps/{appUuid}/subscription-status",
  id: "getAppSubscriptionStatus",
  scopes: ["read:self"],
  query: {},
  body: null,
  responses: {
    200: obj({
      appName: str(),
      appUuid: uuid(),
      availability: enm(["complete", "horizonUnavailable"]),
      overallStatus: enm(["notConfigured", "pendingSetup", "active", "withdrawn", "mixed", "unavailable"]),
      pricingPlans: arr(
        obj({
          billingType: enm(["free", "one_time", "recurring"]),
          currencyCode: str(),
          interval: nul(enm(["monthly", "yearly"])),
          name: str(),
          price: num(),
          status: enm(["pending_setup", "active", "withdrawn"]),
          uuid: uuid(),
        }),
      ),
    }),
  },
  source: "consolidated",
});

export const getAppCurrentUserSubscription = route({
  method: "GET",
  path: "/apps/{appUuid}/subscription/me",
  id: "getAppCurrentUserSubscription",
  scopes: ["read:self"],
  query: {},
  body: null,
  responses: {
    200: obj({
      appUuid: uuid(),
      cancelAtPeriodEnd: bool(),
      currentPeriodEnd: nul(str()),
      hasActiveSubscription: bool(),
      managedCreators: arr(
        obj({
          cancelAtPeriodEnd: bool(),
          currentPeriodEnd: nul(str()),
          hasActiveSubscription: bool(),
          planName: nul(str()),
          planUuid: nul(uuid()),
          status: enm(["active", "pending", "cancelled", "none"]),
          userUuid: uuid(),
        }),
      ),
      planName: nul(str()),
      planUuid: nul(uuid()),
      status: enm(["active", "pending", "cancelled", "none"]),
      userUuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const listCollections = route({
  method: "GET",
  path: "/collections",
  id: "listCollections",
  scopes: ["read:post"],
  query: {},
  body: null,
  responses: { 200: pageOf(listCollectionsResponseItem) },
  source: "consolidated",
});

export const createCollection = route({
  method: "POST",
  path: "/collections",
  id: "createCollection",
  scopes: ["write:post"],
  query: {},
  body: obj({ label: str().min(1).max(100) }),
  responses: { 201: obj({ createdAt: nul(dateTime()), label: str(), uuid: uuid() }) },
  source: "consolidated",
});

export const deleteCollection = route({
  method: "DELETE",
  path: "/collections/{uuid}",
  id: "deleteCollection",
  scopes: ["write:post"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const renameCollection = route({
  method: "PATCH",
  path: "/collections/{uuid}",
  id: "renameCollection",
  scopes: ["write:post"],
  query: {},
  body: obj({ label: str().min(1).max(100) }),
  responses: { 204: null },
  source: "consolidated",
});

export const listCreatorNotifications = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/notifications",
  id: "listCreatorNotifications",
  scopes: ["read:creator", "read:self"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }), eventType: q.int() },
  body: null,
  responses: { 200: pageOf(listCreatorNotificationsResponseItem) },
  source: "consolidated",
});

export const listNotifications = route({
  method: "GET",
  path: "/notifications",
  id: "listNotifications",
  scopes: ["read:self"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }), eventType: q.int() },
  body: null,
  responses: { 200: pageOf(listCreatorNotificationsResponseItem) },
  source: "consolidated",
});
