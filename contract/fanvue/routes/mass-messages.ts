// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { arr, dateTime, enm, nul, num, obj, opt, pageOf, q, route, str, uuid } from "../dsl";
import { listMassMessagesResponseItem } from "./shapes";

export const listMassMessages = route({
  method: "GET",
  path: "/chats/mass-messages",
  id: "listMassMessages",
  scopes: ["read:chat"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    includeDeleted: q.enm(["true", "false"], { default: "false" }),
  },
  body: null,
  responses: { 200: pageOf(listMassMessagesResponseItem) },
  source: "consolidated",
});

export const sendMassMessage = route({
  method: "POST",
  path: "/chats/mass-messages",
  id: "sendMassMessage",
  scopes: ["write:chat", "read:fan"],
  query: {},
  body: obj({
    text: opt(str().min(1).max(5000)),
    mediaUuids: opt(arr(uuid())),
    price: opt(nul(num().min(300))),
    includedLists: obj({
      smartListUuids: opt(
        arr(
          enm([
            "subscribers",
            "auto_renewing",
            "non_renewing",
            "followers",
            "free_trial_subscribers",
            "expired_subscribers",
            "spent_more_than_50",
            "muted",
          ]),
        ),
      ),
      customListUuids: opt(arr(uuid())),
    }),
    excludedLists: opt(
      obj({
        smartListUuids: opt(
          arr(
            enm([
              "subscribers",
              "auto_renewing",
              "non_renewing",
              "followers",
              "free_trial_subscribers",
              "expired_subscribers",
              "spent_more_than_50",
              "muted",
            ]),
          ),
        ),
        customListUuids: opt(arr(uuid())),
      }),
    ),
    scheduledAt: opt(dateTime()),
  }),
  responses: { 201: obj({ id: uuid(), recipientCount: num(), createdAt: dateTime() }) },
  source: "both",
});

export const deleteMassMessage = route({
  method: "DELETE",
  path: "/chats/mass-messages/{messageUuid}",
  id: "deleteMassMessage",
  scopes: ["write:chat"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const updateMassMessage = route({
  method: "PATCH",
  path: "/chats/mass-messages/{messageUuid}",
  id: "updateMassMessage",
  scopes: ["write:chat"],
  query: {},
  body: obj({
    excludedLists: opt(
      obj({
        customListUuids: opt(arr(uuid())),
        smartListUuids: opt(
          arr(
            enm([
              "subscribers",
              "auto_renewing",
              "non_renewing",
              "followers",
              "free_trial_subscribers",
              "expired_subscribers",
              "spent_more_than_50",
              "muted",
            ]),
          ),
        ),
      }),
    ),
    includedLists: opt(
      obj({
        customListUuids: opt(arr(uuid())),
        smartListUuids: opt(
          arr(
            enm([
              "subscribers",
              "auto_renewing",
              "non_renewing",
              "followers",
              "free_trial_subscribers",
              "expired_subscribers",
              "spent_more_than_50",
              "muted",
            ]),
          ),
        ),
      }),
    ),
    mediaUuids: opt(arr(uuid())),
    price: opt(nul(num().min(300))),
    scheduledAt: opt(dateTime()),
    text: opt(str().max(5000)),
  }),
  responses: { 204: null },
  source: "consolidated",
});

export const listCreatorMassMessages = route({
  method: "GET",
  path: "/creators/{creatorUserUuid}/chats/mass-messages",
  id: "listCreatorMassMessages",
  scopes: ["read:creator", "read:chat"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    includeDeleted: q.enm(["true", "false"], { default: "false" }),
  },
  body: null,
  responses: { 200: pageOf(listMassMessagesResponseItem) },
  source: "consolidated",
});

export const sendCreatorMassMessage = route({
  method: "POST",
  path: "/creators/{creatorUserUuid}/chats/mass-messages",
  id: "sendCreatorMassMessage",
  scopes: ["write:chat", "read:creator", "read:fan"],
  query: {},
  body: obj({
    text: opt(str().min(1).max(5000)),
    mediaUuids: opt(arr(uuid())),
    price: opt(nul(num().min(300))),
    includedLists: obj({
      smartListUuids: opt(
        arr(
          enm([
            "subscribers",
            "auto_renewing",
            "non_renewing",
            "followers",
            "free_trial_subscribers",
            "expired_subscribers",
            "spent_more_than_50",
            "muted",
          ]),
        ),
      ),
      customListUuids: opt(arr(uuid())),
    }),
    excludedLists: opt(
      obj({
        smartListUuids: opt(
          arr(
            enm([
              "subscribers",
              "auto_renewing",
              "non_renewing",
              "followers",
              "free_trial_subscribers",
              "expired_subscribers",
              "spent_more_than_50",
              "muted",
            ]),
          ),
        ),
        customListUuids: opt(arr(uuid())),
      }),
    ),
    scheduledAt: opt(dateTime()),
  }),
  responses: { 201: obj({ id: uuid(), recipientCount: num(), createdAt: dateTime() }) },
  source: "both",
});

export const deleteCreatorMassMessage = route({
  method: "DELETE",
  path: "/creators/{creatorUserUuid}/chats/mass-messages/{messageUuid}",
  id: "deleteCreatorMassMessage",
  scopes: ["write:chat", "read:creator"],
  query: {},
  body: null,
  responses: { 204: null },
  source: "consolidated",
});

export const updateCreatorMassMessage = route({
  method: "PATCH",
  path: "/creators/{creatorUserUuid}/chats/mass-messages/{messageUuid}",
  id: "updateCreatorMassMessage",
  scopes: ["write:chat", "read:creator"],
  query: {},
  body: obj({
    excludedLists: opt(
      obj({
        customListUuids: opt(arr(uuid())),
        smartListUuids: opt(
          arr(
            enm([
              "subscribers",
              "auto_renewing",
              "non_renewing",
              "followers",
              "free_trial_subscribers",
              "expired_subscribers",
              "spent_more_than_50",
              "muted",
            ]),
          ),
        ),
      }),
    ),
    includedLists: opt(
      obj({
        customListUuids: opt(arr(uuid())),
        smartListUuids: opt(
          arr(
            enm([
              "subscribers",
              "auto_renewing",
              "non_renewing",
              "followers",
              "free_trial_subscribers",
              "expired_subscribers",
              "spent_more_than_50",
              "muted",
            ]),
          ),
        ),
      }),
    ),
    mediaUuids: opt(arr(uuid())),
    price: opt(nul(num().min(300))),
    scheduledAt: opt(dateTime()),
    text: opt(str().max(5000)),
  }),
  responses: { 204: null },
  source: "consolidated",
});
