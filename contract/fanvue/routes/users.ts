// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { bool, dateTime, nul, num, obj, opt, route, str, uuid } from "../dsl";
import { account } from "./shapes";

export const getAccount = route({
  method: "GET",
  path: "/users/account",
  id: "getAccount",
  scopes: ["read:self"],
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

export const getCurrentUser = route({
  method: "GET",
  path: "/users/me",
  id: "getCurrentUser",
  scopes: ["read:self"],
  query: {},
  body: null,
  responses: {
    200: obj({
      uuid: uuid(),
      email: str(),
      handle: str(),
      bio: str(),
      displayName: str(),
      isCreator: bool(),
      createdAt: dateTime(),
      updatedAt: nul(dateTime()),
      avatarUrl: nul(str()),
      bannerUrl: nul(str()),
      likesCount: opt(num()),
      fanCounts: opt(obj({ followersCount: num(), subscribersCount: num() })),
      contentCounts: opt(
        obj({ imageCount: num(), videoCount: num(), audioCount: num(), postCount: num(), payToViewPostCount: num() }),
      ),
    }),
  },
  source: "both",
});
