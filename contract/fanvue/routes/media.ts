// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { z } from "zod";
import { arr, bool, enm, map, nul, num, obj, oneOf, opt, pageOf, q, route, str, uuid } from "../dsl";
import { getCreatorMediaResponseItemVariant1 } from "./shapes";

export const getCreatorMedia = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/media",
  id: "getCreatorMedia",
  scopes: ["read:creator", "read:media"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    mediaType: q.enm(["image", "video", "audio", "document"]),
    folderName: q.str(),
    usage: q.enm(["subscribers", "followers", "ppv", "mass_messages"]),
    purchasedBy: q.uuid(),
    status: q.list(q.enm(["created", "processing", "ready", "error"]), "comma"),
    variants: q.list(q.enm(["blurred", "main", "thumbnail", "thumbnail_gallery"]), "comma"),
  },
  body: null,
  responses: {
    200: pageOf(
      oneOf(
        obj({ status: enm(["created", "processing", "ready", "error"]), uuid: uuid() }),
        getCreatorMediaResponseItemVariant1,
      ),
    ),
  },
  source: "both",
});

export const createCreatorUploadSession = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/media/uploads",
  id: "createCreatorUploadSession",
  scopes: ["write:creator", "write:media"],
  query: {},
  body: obj({
    filename: str().min(1).max(255),
    mediaType: enm(["image", "video", "audio", "document"]),
    name: str().min(1).max(255),
  }),
  responses: { 200: obj({ mediaUuid: uuid(), uploadId: str() }) },
  source: "consolidated",
});

export const completeCreatorUploadSession = route({
  method: "PATCH",
  path: "/creators/{creatorUserUuid}/media/uploads/{uploadId}",
  id: "completeCreatorUploadSession",
  scopes: ["write:creator", "write:media"],
  query: {},
  body: obj({ parts: opt(arr(obj({ ETag: opt(str()), PartNumber: num() }))) }),
  responses: { 200: obj({ status: enm(["created", "processing", "ready", "error"]) }) },
  source: "both",
});

export const getCreatorUploadPartUrl = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/media/uploads/{uploadId}/parts/{partNumber}/url",
  id: "getCreatorUploadPartUrl",
  scopes: ["write:creator", "write:media"],
  query: {},
  body: null,
  responses: { 200: str() },
  textResponse: true,
  source: "both",
});

export const getCreatorMediaByUuid = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/media/{uuid}",
  id: "getCreatorMediaByUuid",
  scopes: ["read:creator", "read:media"],
  query: {
    purchasedBy: q.uuid(),
    variants: q.list(q.enm(["blurred", "main", "thumbnail", "thumbnail_gallery"]), "comma"),
  },
  body: null,
  responses: {
    200: oneOf(
      obj({ status: enm(["created", "processing", "ready", "error"]), uuid: uuid() }),
      getCreatorMediaResponseItemVariant1,
    ),
  },
  source: "both",
});

export const getUserMedia = route({
  method: "GET",
  path: "/media",
  id: "getUserMedia",
  scopes: ["read:media"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    mediaType: q.enm(["image", "video", "audio", "document"]),
    folderName: q.str(),
    usage: q.enm(["subscribers", "followers", "ppv", "mass_messages"]),
    purchasedBy: q.uuid(),
    status: q.list(q.enm(["created", "processing", "ready", "error"]), "comma"),
    variants: q.list(q.enm(["blurred", "main", "thumbnail", "thumbnail_gallery"]), "comma"),
  },
  body: null,
  responses: {
    200: pageOf(
      oneOf(
        obj({ status: enm(["created", "processing", "ready", "error"]), uuid: uuid() }),
        getCreatorMediaResponseItemVariant1,
      ),
    ),
  },
  source: "both",
});

export const getBulkMedia = route({
  method: "GET",
  path: "/media/bulk",
  id: "getBulkMedia",
  scopes: ["read:media"],
  query: { mediaUuids: q.str({ required: true }), variants: q.str() },
  body: null,
  responses: {
    200: obj({
      errors: arr(obj({ code: enm(["NOT_FOUND", "INTERNAL"]), mediaUuid: uuid(), message: str() })),
      results: map(
        oneOf(
          obj({ status: enm(["created", "processing", "ready", "error"]), uuid: uuid() }),
          getCreatorMediaResponseItemVariant1,
          nul(z.unknown()),
        ),
      ),
    }),
  },
  source: "consolidated",
});

export const getMediaLinkPurchaseStatus = route({
  method: "GET",
  path: "/media/links/{uuid}/purchased",
  id: "getMediaLinkPurchaseStatus",
  scopes: ["read:media"],
  query: {},
  body: null,
  responses: { 200: obj({ purchased: bool() }) },
  source: "consolidated",
});

export const createUploadSession = route({
  method: "POST",
  path: "/media/uploads",
  id: "createUploadSession",
  scopes: ["write:media"],
  query: {},
  body: obj({
    name: str().min(1).max(255),
    filename: str().min(1).max(255),
    mediaType: enm(["image", "video", "audio", "document"]),
  }),
  responses: { 200: obj({ mediaUuid: uuid(), uploadId: str() }) },
  source: "both",
});

export const completeUploadSession = route({
  method: "PATCH",
  path: "/media/uploads/{uploadId}",
  id: "completeUploadSession",
  scopes: ["write:media"],
  query: {},
  body: obj({ parts: opt(arr(obj({ ETag: opt(str()), PartNumber: num() }))) }),
  responses: { 200: obj({ status: enm(["created", "processing", "ready", "error"]) }) },
  source: "both",
});

export const getUploadPartUrl = route({
  method: "GET",
  path: "/media/uploads/{uploadId}/parts/{partNumber}/url",
  id: "getUploadPartUrl",
  scopes: ["write:media"],
  query: {},
  body: null,
  responses: { 200: str() },
  textResponse: true,
  source: "both",
});

export const getUserMediaByUuid = route({
  method: "GET",
  path: "/media/{uuid}",
  id: "getUserMediaByUuid",
  scopes: ["read:media"],
  query: {
    purchasedBy: q.uuid(),
    variants: q.list(q.enm(["blurred", "main", "thumbnail", "thumbnail_gallery"]), "comma"),
  },
  body: null,
  responses: {
    200: oneOf(
      obj({ status: enm(["created", "processing", "ready", "error"]), uuid: uuid() }),
      getCreatorMediaResponseItemVariant1,
    ),
  },
  source: "both",
});

export const getEntitledMedia = route({
  method: "GET",
  path: "/media/{uuid}/entitled",
  id: "getEntitledMedia",
  scopes: ["read:media"],
  query: {
    consumerId: q.uuid({ required: true }),
    variants: q.list(q.enm(["blurred", "main", "thumbnail", "thumbnail_gallery"]), "comma"),
  },
  body: null,
  responses: {
    200: oneOf(
      obj({ status: enm(["created", "processing", "ready", "error"]), uuid: uuid() }),
      getCreatorMediaResponseItemVariant1,
    ),
  },
  source: "consolidated",
});

export const grantMedia = route({
  method: "POST",
  path: "/media/{uuid}/grant",
  id: "grantMedia",
  scopes: ["write:media"],
  query: {},
  body: obj({ consumerId: uuid(), source: str().min(1).max(100), sourceRef: str().min(1).max(255) }),
  responses: { 200: obj({ entitlementId: uuid(), status: enm(["granted"]) }) },
  source: "consolidated",
});
