// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { arr, dateTime, nul, num, obj, pageOf, q, route, str, uuid } from "../dsl";
import { listCreatorVaultFoldersResponseItem, listVaultFoldersResponseItem } from "./shapes";

export const listCreatorVaultFolders = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/vault/folders",
  id: "listCreatorVaultFolders",
  scopes: ["read:creator", "read:media"],
  query: {},
  body: null,
  responses: { 200: pageOf(listCreatorVaultFoldersResponseItem) },
  source: "consolidated",
});

export const createCreatorVaultFolder = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/vault/folders",
  id: "createCreatorVaultFolder",
  scopes: ["write:creator", "write:media"],
  query: {},
  body: obj({ name: str().min(1).max(255) }),
  responses: { 201: obj({ createdAt: nul(dateTime()), mediaCount: num(), name: str() }) },
  source: "consolidated",
});

export const deleteCreatorVaultFolder = route({
  method: "DELETE",
  path: "/creators/{creatorUserUuid}/vault/folders/{folderName}",
  id: "deleteCreatorVaultFolder",
  scopes: ["write:creator", "write:media"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const getCreatorVaultFolder = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/vault/folders/{folderName}",
  id: "getCreatorVaultFolder",
  scopes: ["read:creator", "read:media"],
  query: {},
  body: null,
  responses: { 200: obj({ createdAt: nul(dateTime()), mediaCount: num(), name: str() }) },
  source: "consolidated",
});

export const renameCreatorVaultFolder = route({
  method: "PATCH",
  path: "/creators/{creatorUserUuid}/vault/folders/{folderName}",
  id: "renameCreatorVaultFolder",
  scopes: ["write:creator", "write:media"],
  query: {},
  body: obj({ name: str().min(1).max(255) }),
  responses: { 204: null },
  source: "consolidated",
});

export const listCreatorVaultFolderMedia = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/vault/folders/{folderName}/media",
  id: "listCreatorVaultFolderMedia",
  scopes: ["read:creator", "read:media"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(obj({ createdAt: nul(dateTime()), mediaType: str(), name: nul(str()), uuid: uuid() })) },
  source: "consolidated",
});

export const attachCreatorVaultMedia = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/vault/folders/{folderName}/media",
  id: "attachCreatorVaultMedia",
  scopes: ["write:creator", "write:media"],
  query: {},
  body: obj({ mediaUuids: arr(uuid()).min(1).max(100) }),
  responses: { 201: obj({ addedCount: num() }) },
  source: "consolidated",
});

export const detachCreatorVaultMedia = route({
  method: "DELETE",
  path: "/creators/{creatorUserUuid}/vault/folders/{folderName}/media/{mediaUuid}",
  id: "detachCreatorVaultMedia",
  scopes: ["write:creator", "write:media"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const listVaultFolders = route({
  method: "GET",
  path: "/vault/folders",
  id: "listVaultFolders",
  scopes: ["read:media"],
  query: {},
  body: null,
  responses: { 200: pageOf(listVaultFoldersResponseItem) },
  source: "both",
});

export const createVaultFolder = route({
  method: "POST",
  path: "/vault/folders",
  id: "createVaultFolder",
  scopes: ["write:media"],
  query: {},
  body: obj({ name: str().min(1).max(255) }),
  responses: { 201: obj({ name: str(), createdAt: dateTime(), mediaCount: num() }) },
  source: "both",
});

export const deleteVaultFolder = route({
  method: "DELETE",
  path: "/vault/folders/{folderName}",
  id: "deleteVaultFolder",
  scopes: ["write:media"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "both",
});

export const getVaultFolder = route({
  method: "GET",
  path: "/vault/folders/{folderName}",
  id: "getVaultFolder",
  scopes: ["read:media"],
  query: {},
  body: null,
  responses: { 200: obj({ name: str(), createdAt: dateTime(), mediaCount: num() }) },
  source: "both",
});

export const renameVaultFolder = route({
  method: "PATCH",
  path: "/vault/folders/{folderName}",
  id: "renameVaultFolder",
  scopes: ["write:media"],
  query: {},
  body: obj({ name: str().min(1).max(255) }),
  responses: { 204: null },
  source: "both",
});

export const listVaultFolderMedia = route({
  method: "GET",
  path: "/vault/folders/{folderName}/media",
  id: "listVaultFolderMedia",
  scopes: ["read:media"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(obj({ uuid: uuid(), name: nul(str()), createdAt: dateTime(), mediaType: str() })) },
  source: "both",
});

export const attachMediaToVaultFolder = route({
  method: "POST",
  path: "/vault/folders/{folderName}/media",
  id: "attachMediaToVaultFolder",
  scopes: ["write:media"],
  query: {},
  body: obj({ mediaUuids: arr(uuid()).min(1).max(100) }),
  responses: { 201: obj({ addedCount: num() }) },
  source: "both",
});

export const detachMediaFromVaultFolder = route({
  method: "DELETE",
  path: "/vault/folders/{folderName}/media/{mediaUuid}",
  id: "detachMediaFromVaultFolder",
  scopes: ["write:media"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "both",
});
