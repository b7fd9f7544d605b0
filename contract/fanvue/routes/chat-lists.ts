// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { arr, dateTime, num, obj, pageOf, q, route, str, uuid } from "../dsl";
import { getCustomListMembersResponseItem, getCustomListsResponseItem, getSmartListsResponseItem } from "./shapes";

export const getCustomLists = route({
  method: "GET",
  path: "/chats/lists/custom",
  id: "getCustomLists",
  scopes: ["read:chat", "read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }), search: q.str() },
  body: null,
  responses: { 200: pageOf(getCustomListsResponseItem) },
  source: "both",
});

export const createCustomList = route({
  method: "POST",
  path: "/chats/lists/custom",
  id: "createCustomList",
  scopes: ["write:chat"],
  query: {},
  body: obj({ name: str().min(1).max(100) }),
  responses: { 201: obj({ uuid: uuid(), name: str(), createdAt: dateTime() }) },
  source: "both",
});

export const deleteCustomList = route({
  method: "DELETE",
  path: "/chats/lists/custom/{uuid}",
  id: "deleteCustomList",
  scopes: ["write:chat"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "both",
});

export const getCustomListMembers = route({
  method: "GET",
  path: "/chats/lists/custom/{uuid}",
  id: "getCustomListMembers",
  scopes: ["read:chat", "read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(getCustomListMembersResponseItem) },
  source: "both",
});

export const updateCustomList = route({
  method: "PATCH",
  path: "/chats/lists/custom/{uuid}",
  id: "updateCustomList",
  scopes: ["write:chat"],
  query: {},
  body: obj({ name: str().min(1).max(100) }),
  responses: { 204: null },
  source: "both",
});

export const addMembersToCustomList = route({
  method: "POST",
  path: "/chats/lists/custom/{uuid}/members",
  id: "addMembersToCustomList",
  scopes: ["write:chat"],
  query: {},
  body: obj({ userUuids: arr(uuid()).min(1).max(100) }),
  responses: { 201: obj({ added: num(), skipped: num() }) },
  source: "both",
});

export const removeMemberFromCustomList = route({
  method: "DELETE",
  path: "/chats/lists/custom/{uuid}/members/{userUuid}",
  id: "removeMemberFromCustomList",
  scopes: ["write:chat"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "both",
});

export const getSmartLists = route({
  method: "GET",
  path: "/chats/lists/smart",
  id: "getSmartLists",
  scopes: ["read:chat", "read:fan"],
  query: {},
  body: null,
  responses: { 200: arr(getSmartListsResponseItem) },
  source: "both",
});

export const getSmartListMembers = route({
  method: "GET",
  path: "/chats/lists/smart/{uuid}",
  id: "getSmartListMembers",
  scopes: ["read:chat", "read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(getCustomListMembersResponseItem) },
  source: "both",
});

export const getCreatorCustomLists = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats/lists/custom",
  id: "getCreatorCustomLists",
  scopes: ["read:creator", "read:chat", "read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(getCustomListsResponseItem) },
  source: "both",
});

export const getCreatorCustomListMembers = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats/lists/custom/{uuid}",
  id: "getCreatorCustomListMembers",
  scopes: ["read:creator", "read:chat", "read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(getCustomListMembersResponseItem) },
  source: "both",
});

export const getCreatorSmartLists = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats/lists/smart",
  id: "getCreatorSmartLists",
  scopes: ["read:creator", "read:chat", "read:fan"],
  query: {},
  body: null,
  responses: { 200: arr(getSmartListsResponseItem) },
  source: "both",
});

export const getCreatorSmartListMembers = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats/lists/smart/{uuid}",
  id: "getCreatorSmartListMembers",
  scopes: ["read:creator", "read:chat", "read:fan"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(getCustomListMembersResponseItem) },
  source: "both",
});
