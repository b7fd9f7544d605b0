// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { arr, bool, dateTime, enm, nul, num, obj, opt, pageOf, q, route, str, uuid } from "../dsl";
import { getCreatorPostsResponseItem, getPostsResponseItem, tips, user, user2, user3 } from "./shapes";

export const getCreatorPosts = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/posts",
  id: "getCreatorPosts",
  scopes: ["read:post", "read:creator"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    includeUnpublished: q.enm(["true", "false"], { default: "true" }),
  },
  body: null,
  responses: { 200: pageOf(getCreatorPostsResponseItem) },
  source: "consolidated",
});

export const createCreatorPost = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/posts",
  id: "createCreatorPost",
  scopes: ["write:post", "write:creator"],
  query: {},
  body: obj({
    text: opt(str().max(5000)),
    mediaUuids: opt(arr(uuid())),
    price: opt(num().min(300)),
    audience: enm(["subscribers", "followers-and-subscribers"]),
    publishAt: opt(dateTime()),
    expiresAt: opt(dateTime()),
    collectionUuids: opt(arr(uuid())),
    mediaPreviewUuid: opt(uuid()),
  }),
  responses: {
    201: obj({
      uuid: uuid(),
      createdAt: dateTime(),
      text: nul(str()),
      price: nul(num()),
      audience: enm(["subscribers", "followers-and-subscribers"]),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      expiresAt: nul(dateTime()),
      mediaPreviewUuid: nul(uuid()),
    }),
  },
  source: "both",
});

export const deleteCreatorPost = route({
  method: "DELETE",
  path: "/creators/{creatorUserUuid}/posts/{uuid}",
  id: "deleteCreatorPost",
  scopes: ["write:post", "write:creator"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const updateCreatorPost = route({
  method: "PATCH",
  path: "/creators/{creatorUserUuid}/posts/{uuid}",
  id: "updateCreatorPost",
  scopes: ["write:post", "write:creator"],
  query: {},
  body: obj({
    audience: opt(enm(["subscribers", "followers-and-subscribers"])),
    collectionUuids: opt(nul(arr(uuid()))),
    expiresAt: opt(nul(dateTime())),
    mediaPreviewUuid: opt(nul(uuid())),
    mediaUuids: opt(arr(uuid())),
    price: opt(nul(num().min(300))),
    publishAt: opt(nul(dateTime())),
    text: opt(nul(str().max(5000))),
  }),
  responses: {
    200: obj({
      audience: enm(["subscribers", "followers-and-subscribers"]),
      collections: arr(obj({ label: str(), uuid: uuid() })),
      commentsCount: num(),
      createdAt: dateTime(),
      expiresAt: nul(dateTime()),
      isPinned: bool(),
      likesCount: num(),
      mediaPreviewUuid: nul(uuid()),
      mediaUuids: arr(uuid()),
      price: nul(num()),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      text: nul(str()),
      tips: tips,
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const getCreatorPostComments = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/posts/{uuid}/comments",
  id: "getCreatorPostComments",
  scopes: ["read:post", "read:creator"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: {
    200: pageOf(
      obj({ createdAt: dateTime(), text: str(), updatedAt: nul(dateTime()), user: nul(user3), uuid: uuid() }),
    ),
  },
  source: "consolidated",
});

export const createCreatorPostComment = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/posts/{uuid}/comments",
  id: "createCreatorPostComment",
  scopes: ["write:post", "write:creator"],
  query: {},
  body: obj({ text: str().min(1).max(600) }),
  responses: { 201: obj({ createdAt: dateTime(), text: str(), updatedAt: nul(dateTime()), uuid: uuid() }) },
  source: "consolidated",
});

export const deleteCreatorPostComment = route({
  method: "DELETE",
  path: "/creators/{creatorUserUuid}/posts/{uuid}/comments/{commentUuid}",
  id: "deleteCreatorPostComment",
  scopes: ["write:post", "write:creator"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const unpinCreatorPost = route({
  method: "DELETE",
  path: "/creators/{creatorUserUuid}/posts/{uuid}/pin",
  id: "unpinCreatorPost",
  scopes: ["write:post", "write:creator"],
  query: {},
  body: null,
  responses: {
    200: obj({
      audience: enm(["subscribers", "followers-and-subscribers"]),
      collections: arr(obj({ label: str(), uuid: uuid() })),
      commentsCount: num(),
      createdAt: dateTime(),
      expiresAt: nul(dateTime()),
      isPinned: bool(),
      likesCount: num(),
      mediaPreviewUuid: nul(uuid()),
      mediaUuids: arr(uuid()),
      price: nul(num()),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      text: nul(str()),
      tips: tips,
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const pinCreatorPost = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/posts/{uuid}/pin",
  id: "pinCreatorPost",
  scopes: ["write:post", "write:creator"],
  query: {},
  body: null,
  responses: {
    200: obj({
      audience: enm(["subscribers", "followers-and-subscribers"]),
      collections: arr(obj({ label: str(), uuid: uuid() })),
      commentsCount: num(),
      createdAt: dateTime(),
      expiresAt: nul(dateTime()),
      isPinned: bool(),
      likesCount: num(),
      mediaPreviewUuid: nul(uuid()),
      mediaUuids: arr(uuid()),
      price: nul(num()),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      text: nul(str()),
      tips: tips,
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const repostCreatorPost = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/posts/{uuid}/repost",
  id: "repostCreatorPost",
  scopes: ["write:post", "write:creator"],
  query: {},
  body: null,
  responses: {
    200: obj({
      audience: enm(["subscribers", "followers-and-subscribers"]),
      collections: arr(obj({ label: str(), uuid: uuid() })),
      commentsCount: num(),
      createdAt: dateTime(),
      expiresAt: nul(dateTime()),
      isPinned: bool(),
      likesCount: num(),
      mediaPreviewUuid: nul(uuid()),
      mediaUuids: arr(uuid()),
      price: nul(num()),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      text: nul(str()),
      tips: tips,
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const getPosts = route({
  method: "GET",
  path: "/posts",
  id: "getPosts",
  scopes: ["read:post"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    includeUnpublished: q.enm(["true", "false"], { default: "true" }),
  },
  body: null,
  responses: { 200: pageOf(getPostsResponseItem) },
  source: "both",
});

export const createPost = route({
  method: "POST",
  path: "/posts",
  id: "createPost",
  scopes: ["write:post"],
  query: {},
  body: obj({
    text: opt(str().max(5000)),
    mediaUuids: opt(arr(uuid())),
    price: opt(num().min(300)),
    audience: enm(["subscribers", "followers-and-subscribers"]),
    publishAt: opt(dateTime()),
    expiresAt: opt(dateTime()),
    collectionUuids: opt(arr(uuid())),
    mediaPreviewUuid: opt(uuid()),
  }),
  responses: {
    201: obj({
      uuid: uuid(),
      createdAt: dateTime(),
      text: nul(str()),
      price: nul(num()),
      audience: enm(["subscribers", "followers-and-subscribers"]),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      expiresAt: nul(dateTime()),
      mediaPreviewUuid: nul(uuid()),
    }),
  },
  source: "both",
});

export const deletePost = route({
  method: "DELETE",
  path: "/posts/{uuid}",
  id: "deletePost",
  scopes: ["write:post"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const getPostByUuid = route({
  method: "GET",
  path: "/posts/{uuid}",
  id: "getPostByUuid",
  scopes: ["read:post"],
  query: {},
  body: null,
  responses: {
    200: obj({
      uuid: uuid(),
      createdAt: dateTime(),
      text: nul(str()),
      price: nul(num()),
      audience: enm(["subscribers", "followers-and-subscribers"]),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      expiresAt: nul(dateTime()),
      mediaUuids: arr(uuid()),
      isPinned: bool(),
      likesCount: num(),
      commentsCount: num(),
      tips: tips,
      collections: arr(obj({ label: str(), uuid: uuid() })),
      mediaPreviewUuid: nul(uuid()),
    }),
  },
  source: "both",
});

export const updatePost = route({
  method: "PATCH",
  path: "/posts/{uuid}",
  id: "updatePost",
  scopes: ["write:post"],
  query: {},
  body: obj({
    audience: opt(enm(["subscribers", "followers-and-subscribers"])),
    collectionUuids: opt(nul(arr(uuid()))),
    expiresAt: opt(nul(dateTime())),
    mediaPreviewUuid: opt(nul(uuid())),
    mediaUuids: opt(arr(uuid())),
    price: opt(nul(num().min(300))),
    publishAt: opt(nul(dateTime())),
    text: opt(nul(str().max(5000))),
  }),
  responses: {
    200: obj({
      audience: enm(["subscribers", "followers-and-subscribers"]),
      collections: arr(obj({ label: str(), uuid: uuid() })),
      commentsCount: num(),
      createdAt: dateTime(),
      expiresAt: nul(dateTime()),
      isPinned: bool(),
      likesCount: num(),
      mediaPreviewUuid: nul(uuid()),
      mediaUuids: arr(uuid()),
      price: nul(num()),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      text: nul(str()),
      tips: tips,
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const getPostComments = route({
  method: "GET",
  path: "/posts/{uuid}/comments",
  id: "getPostComments",
  scopes: ["read:post"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: {
    200: pageOf(
      obj({ uuid: uuid(), text: str(), user: nul(user2), createdAt: dateTime(), updatedAt: nul(dateTime()) }),
    ),
  },
  source: "both",
});

export const createPostComment = route({
  method: "POST",
  path: "/posts/{uuid}/comments",
  id: "createPostComment",
  scopes: ["write:post"],
  query: {},
  body: obj({ text: str().min(1).max(600) }),
  responses: { 201: obj({ createdAt: dateTime(), text: str(), updatedAt: nul(dateTime()), uuid: uuid() }) },
  source: "consolidated",
});

export const deletePostComment = route({
  method: "DELETE",
  path: "/posts/{uuid}/comments/{commentUuid}",
  id: "deletePostComment",
  scopes: ["write:post"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const getPostLikes = route({
  method: "GET",
  path: "/posts/{uuid}/likes",
  id: "getPostLikes",
  scopes: ["read:post"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(obj({ user: nul(user), createdAt: dateTime() })) },
  source: "both",
});

export const unpinPost = route({
  method: "DELETE",
  path: "/posts/{uuid}/pin",
  id: "unpinPost",
  scopes: ["write:post"],
  query: {},
  body: null,
  responses: {
    200: obj({
      audience: enm(["subscribers", "followers-and-subscribers"]),
      collections: arr(obj({ label: str(), uuid: uuid() })),
      commentsCount: num(),
      createdAt: dateTime(),
      expiresAt: nul(dateTime()),
      isPinned: bool(),
      likesCount: num(),
      mediaPreviewUuid: nul(uuid()),
      mediaUuids: arr(uuid()),
      price: nul(num()),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      text: nul(str()),
      tips: tips,
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const pinPost = route({
  method: "POST",
  path: "/posts/{uuid}/pin",
  id: "pinPost",
  scopes: ["write:post"],
  query: {},
  body: null,
  responses: {
    200: obj({
      audience: enm(["subscribers", "followers-and-subscribers"]),
      collections: arr(obj({ label: str(), uuid: uuid() })),
      commentsCount: num(),
      createdAt: dateTime(),
      expiresAt: nul(dateTime()),
      isPinned: bool(),
      likesCount: num(),
      mediaPreviewUuid: nul(uuid()),
      mediaUuids: arr(uuid()),
      price: nul(num()),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      text: nul(str()),
      tips: tips,
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const repostPost = route({
  method: "POST",
  path: "/posts/{uuid}/repost",
  id: "repostPost",
  scopes: ["write:post"],
  query: {},
  body: null,
  responses: {
    200: obj({
      audience: enm(["subscribers", "followers-and-subscribers"]),
      collections: arr(obj({ label: str(), uuid: uuid() })),
      commentsCount: num(),
      createdAt: dateTime(),
      expiresAt: nul(dateTime()),
      isPinned: bool(),
      likesCount: num(),
      mediaPreviewUuid: nul(uuid()),
      mediaUuids: arr(uuid()),
      price: nul(num()),
      publishAt: nul(dateTime()),
      publishedAt: nul(dateTime()),
      text: nul(str()),
      tips: tips,
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});

export const getPostTips = route({
  method: "GET",
  path: "/posts/{uuid}/tips",
  id: "getPostTips",
  scopes: ["read:post"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: { 200: pageOf(obj({ user: nul(user), createdAt: dateTime(), gross: num(), net: num() })) },
  source: "both",
});
