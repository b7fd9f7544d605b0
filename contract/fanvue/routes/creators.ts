// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { bool, dateTime, nul, obj, opt, pageOf, q, route, str, uuid } from "../dsl";
import { account } from "./shapes";

export const listCreators = route({
  method: "GET",
  path: "/creators",
  id: "listCreators",
  scopes: ["read:creator"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: {
    200: pageOf(
      obj({
        uuid: uuid(),
        handle: str(),
        displayName: str(),
        nickname: nul(str()),
        isTopSpender: bool(),
        avatarUrl: nul(str()),
        registeredAt: dateTime(),
        role: opt(str()),
      }),
    ),
  },
  source: "both",
});

export const getCreatorAccount = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/account",
  id: "getCreatorAccount",
  scopes: ["read:creator"],
  query: {},
  body: null,
  responses: {
    200: obj({
      account: account,
      avatarUrl: nul(str()),
      bannerUrl: nul(str()),
      bio: str(),
      createdAt: dateTime(),
      displayName: str(),
      email: str(),
      handle: str(),
      isCreator: bool(),
      updatedAt: nul(dateTime()),
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});
