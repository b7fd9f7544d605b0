// Transcribed from Fanvue's API reference: per-endpoint pages (Feb 2026) and
// the consolidated openapi.json (newer); where both describe an operation the
// stricter reading of each field wins (see contract/fanvue/README.md).
// Maintained by hand from here on.
import { arr, bool, dateTime, enm, int, nul, num, obj, opt, pageOf, q, route, str, uuid } from "../dsl";
import { listTeamMembersResponseItem } from "./shapes";

export const listAgencyChats = route({
  method: "GET",
  path: "/agencies/chats",
  id: "listAgencyChats",
  scopes: ["read:agency", "read:chat"],
  query: { page: q.num({ min: 1, default: 1 }), size: q.num({ min: 1, max: 50, default: 15 }) },
  body: null,
  responses: {
    200: pageOf(
      obj({
        createdAt: nul(dateTime()),
        creatorUuid: uuid(),
        isMuted: bool(),
        isRead: bool(),
        lastMessage: nul(
          obj({
            hasMedia: nul(bool()),
            mediaType: nul(enm(["image", "video", "audio", "document"])),
            senderUuid: uuid(),
            sentAt: nul(dateTime()),
            sentByUserId: nul(uuid()),
            text: nul(str()),
            type: enm([
              "AUTOMATED_CANCELED",
              "AUTOMATED_NEW_FOLLOWER",
              "AUTOMATED_NEW_PURCHASE",
              "AUTOMATED_NEW_SUBSCRIBER",
              "AUTOMATED_RE_SUBSCRIBED",
              "AUTOMATED_RENEWED",
              "AUTOMATED_CHAT_MESSAGE_REPLY",
              "AUTOMATED_FIRST_MESSAGE_REPLY",
              "CHAT_TEXT_GENERATION",
              "CHAT_TEXT_REPLY",
              "CHAT_TEXT_REWRITE",
              "SINGLE_RECIPIENT",
              "TIP",
              "VOICE_CALL",
              "BROADCAST",
              "GHOST_PROMOTION",
            ]),
            uuid: str(),
          }),
        ),
        lastMessageAt: nul(dateTime()),
        unreadMessagesCount: num(),
        user: obj({
          avatarUrl: nul(str()),
          displayName: str(),
          handle: str(),
          isTopSpender: bool(),
          nickname: nul(str()),
          registeredAt: dateTime(),
          uuid: uuid(),
        }),
      }),
    ),
  },
  source: "consolidated",
});

export const createCreatorInvite = route({
  method: "POST",
  path: "/agencies/creator-invites",
  id: "createCreatorInvite",
  scopes: ["write:agency"],
  query: {},
  body: obj({ email: str() }),
  responses: { 200: obj({ message: str(), success: bool() }) },
  source: "consolidated",
});

export const listAgencyEarningsByDay = route({
  method: "GET",
  path: "/agencies/earnings",
  id: "listAgencyEarningsByDay",
  scopes: ["read:agency", "read:creator"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    startDate: q.date({ required: true }),
    endDate: q.date({ required: true }),
    creatorUuids: q.list(q.uuid(), "comma"),
  },
  body: null,
  responses: {
    200: pageOf(obj({ creatorUuid: uuid(), currency: nul(str()), date: dateTime(), gross: int(), net: int() })),
  },
  source: "consolidated",
});

export const getChatterLeaderboard = route({
  method: "GET",
  path: "/agencies/insights/chatter-leaderboard",
  id: "getChatterLeaderboard",
  scopes: ["read:agency"],
  query: { startDate: q.date(), endDate: q.date(), chatterUuids: q.str() },
  body: null,
  responses: {
    200: obj({
      data: arr(
        obj({
          activeHours: num(),
          avatarUrl: nul(str()),
          avgResponseMs: nul(num()),
          chatterName: str(),
          chatterUuid: uuid(),
          eph: num(),
          goldenRatio: num(),
          messages: int(),
          ppvsSent: int(),
          ppvsUnlocked: int(),
          revenue: int(),
          unlockRatio: num(),
        }),
      ),
    }),
  },
  source: "consolidated",
});

export const createAgencyInvite = route({
  method: "POST",
  path: "/agencies/invites",
  id: "createAgencyInvite",
  scopes: ["write:agency"],
  query: {},
  body: obj({ email: str() }),
  responses: { 200: obj({ inviteUuid: uuid(), message: str(), success: bool() }) },
  source: "consolidated",
});

export const listAgencySubscribers = route({
  method: "GET",
  path: "/agencies/subscribers",
  id: "listAgencySubscribers",
  scopes: ["read:agency", "read:creator"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    creatorUuids: q.list(q.uuid(), "comma"),
  },
  body: null,
  responses: {
    200: pageOf(
      obj({
        avatarUrl: nul(str()),
        creatorUuid: uuid(),
        displayName: str(),
        expiresAt: nul(dateTime()),
        handle: str(),
        isTopSpender: bool(),
        nickname: nul(str()),
        registeredAt: dateTime(),
        subscribedAt: dateTime(),
        uuid: uuid(),
      }),
    ),
  },
  source: "consolidated",
});

export const listAgencySubscribersHistory = route({
  method: "GET",
  path: "/agencies/subscribers-history",
  id: "listAgencySubscribersHistory",
  scopes: ["read:agency", "read:creator"],
  query: {
    page: q.num({ min: 1, default: 1 }),
    size: q.num({ min: 1, max: 50, default: 15 }),
    startDate: q.date({ required: true }),
    endDate: q.date({ required: true }),
    creatorUuids: q.list(q.uuid(), "comma"),
  },
  body: null,
  responses: {
    200: pageOf(
      obj({
        cancelledSubscribersCount: int().min(0),
        creatorUuid: uuid(),
        date: dateTime(),
        newSubscribersCount: int().min(0),
        total: int(),
      }),
    ),
  },
  source: "consolidated",
});

export const listTeamMembers = route({
  method: "GET",
  path: "/agencies/team-members",
  id: "listTeamMembers",
  scopes: ["read:agency"],
  query: {},
  body: null,
  responses: { 200: arr(listTeamMembersResponseItem) },
  source: "consolidated",
});

export const updateTeamMember = route({
  method: "PUT",
  path: "/agencies/team-members/{userId}",
  id: "updateTeamMember",
  scopes: ["write:agency"],
  query: {},
  body: obj({ creatorUuids: nul(arr(uuid())), nickname: opt(nul(str())) }),
  responses: {
    200: obj({
      creatorAccess: arr(obj({ role: enm(["ADMIN", "CHATTER"]), uuid: uuid() })),
      displayName: str(),
      email: str(),
      isAdmin: bool(),
      nickname: nul(str()),
      uuid: uuid(),
    }),
  },
  source: "consolidated",
});
