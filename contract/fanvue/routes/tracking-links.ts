// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { cursorOf, dateTime, enm, map, nul, num, obj, q, route, str, uuid } from "../dsl";
import { engagement, listCreatorTrackingLinkUsersResponseItem, listCreatorTrackingLinksResponseItem } from "./shapes";

export const listCreatorTrackingLinks = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/tracking-links",
  id: "listCreatorTrackingLinks",
  scopes: ["read:tracking_links", "read:creator"],
  query: { limit: q.int({ min: 0 }), cursor: q.str(), createdAfter: q.date(), createdBefore: q.date() },
  body: null,
  responses: { 200: cursorOf(listCreatorTrackingLinksResponseItem) },
  source: "both",
});

export const createCreatorTrackingLink = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/tracking-links",
  id: "createCreatorTrackingLink",
  scopes: ["write:tracking_links", "write:creator"],
  query: {},
  body: obj({
    externalSocialPlatform: enm([
      "facebook",
      "instagram",
      "other",
      "reddit",
      "snapchat",
      "tiktok",
      "twitter",
      "youtube",
    ]),
    name: str().min(1),
  }),
  responses: {
    201: obj({
      clicks: num(),
      createdAt: dateTime(),
      earnings: nul(obj({ totalGross: num(), totalNet: num() })),
      engagement: engagement,
      externalSocialPlatform: enm([
        "facebook",
        "instagram",
        "other",
        "reddit",
        "snapchat",
        "tiktok",
        "twitter",
        "youtube",
      ]),
      linkUrl: str(),
      name: str(),
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const deleteCreatorTrackingLink = route({
  method: "DELETE",
  path: "/creators/{creatorUserUuid}/tracking-links/{uuid}",
  id: "deleteCreatorTrackingLink",
  scopes: ["write:tracking_links", "write:creator"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "both",
});

export const listCreatorTrackingLinkUsers = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/tracking-links/{uuid}/users",
  id: "listCreatorTrackingLinkUsers",
  scopes: ["read:tracking_links", "read:creator"],
  query: { limit: q.int({ min: 0 }), cursor: q.str() },
  body: null,
  responses: { 200: cursorOf(listCreatorTrackingLinkUsersResponseItem) },
  source: "consolidated",
});

export const getCreatorUserTrackingMetadata = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/tracking-links/{uuid}/users/{userUuid}/metadata",
  id: "getCreatorUserTrackingMetadata",
  scopes: ["read:tracking_links", "read:creator"],
  query: {},
  body: null,
  responses: { 200: obj({ metadata: nul(map(str())) }) },
  source: "consolidated",
});

export const listTrackingLinks = route({
  method: "GET",
  path: "/tracking-links",
  id: "listTrackingLinks",
  scopes: ["read:tracking_links"],
  query: { limit: q.int({ min: 0 }), cursor: q.str(), createdAfter: q.date(), createdBefore: q.date() },
  body: null,
  responses: { 200: cursorOf(listCreatorTrackingLinksResponseItem) },
  source: "both",
});

export const createTrackingLink = route({
  method: "POST",
  path: "/tracking-links",
  id: "createTrackingLink",
  scopes: ["write:tracking_links"],
  query: {},
  body: obj({
    name: str().min(1),
    externalSocialPlatform: enm([
      "facebook",
      "instagram",
      "other",
      "reddit",
      "snapchat",
      "tiktok",
      "twitter",
      "youtube",
    ]),
  }),
  responses: {
    201: obj({
      uuid: uuid(),
      name: str(),
      linkUrl: str(),
      externalSocialPlatform: enm([
        "facebook",
        "instagram",
        "other",
        "reddit",
        "snapchat",
        "tiktok",
        "twitter",
        "youtube",
      ]),
      createdAt: dateTime(),
      clicks: num(),
      earnings: nul(obj({ totalGross: num(), totalNet: num() })),
      engagement: engagement,
    }),
  },
  source: "both",
});

export const deleteTrackingLink = route({
  method: "DELETE",
  path: "/tracking-links/{uuid}",
  id: "deleteTrackingLink",
  scopes: ["write:tracking_links"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "both",
});

export const listTrackingLinkUsers = route({
  method: "GET",
  path: "/tracking-links/{uuid}/users",
  id: "listTrackingLinkUsers",
  scopes: ["read:tracking_links"],
  query: { limit: q.int({ min: 0 }), cursor: q.str() },
  body: null,
  responses: { 200: cursorOf(listCreatorTrackingLinkUsersResponseItem) },
  source: "consolidated",
});

export const getUserTrackingMetadata = route({
  method: "GET",
  path: "/tracking-links/{uuid}/users/{userUuid}/metadata",
  id: "getUserTrackingMetadata",
  scopes: ["read:tracking_links"],
  query: {},
  body: null,
  responses: { 200: obj({ metadata: nul(map(str())) }) },
  source: "consolidated",
});
