import { describe, expect, it } from "vitest";
import { checkBody, checkQuery, checkResponse, findRoute, matchRoute, stripFields } from "./check";

const route = (method: string, path: string) => {
  const r = findRoute(method, path);
  if (!r) throw new Error(`${method} ${path} not in the table`);
  return r;
};

describe("matching a request to the reference", () => {
  it("prefers literal segments and reads path parameters", () => {
    expect(matchRoute("GET", "/chats/unread")?.route.path).toBe("/chats/unread");
    const m = matchRoute("GET", "/chats/0b1e4f3a-1111-4111-8111-111111111111/messages");
    expect(m?.route.path).toBe("/chats/{userUuid}/messages");
    expect(m?.params).toEqual({ userUuid: "0b1e4f3a-1111-4111-8111-111111111111" });
    expect(matchRoute("GET", "/chats/x/messages/y")).toBeNull();
    expect(findRoute("GET", "/vault/folders/:folderName/media")?.path).toBe("/vault/folders/{folderName}/media");
  });
});

describe("query parameters", () => {
  it("names undocumented ones and checks documented limits", () => {
    const followers = route("GET", "/followers");
    expect(checkQuery(followers, new URLSearchParams("page=2&size=50"))).toEqual({ undocumented: [], invalid: [] });
    expect(checkQuery(followers, new URLSearchParams("search=luna&size=51"))).toEqual({
      undocumented: ["query.search"],
      invalid: ["size must be at most 50"],
    });
  });

  it("repeats array parameters unless the reference says comma-separated", () => {
    const chats = route("GET", "/chats");
    expect(checkQuery(chats, new URLSearchParams("filter=unread&filter=online")).invalid).toEqual([]);
    expect(checkQuery(chats, new URLSearchParams("filter=unread,online")).invalid).toEqual([
      expect.stringMatching(/^filter must be one of/),
    ]);
    // GET /media documents style: form, explode: false for these.
    expect(
      checkQuery(route("GET", "/media"), new URLSearchParams("variants=main,thumbnail&status=ready")).invalid,
    ).toEqual([]);
    expect(checkQuery(route("GET", "/media"), new URLSearchParams("variants=main&variants=thumbnail")).invalid).toEqual(
      ["variants must be one comma-separated value"],
    );
    const earnings = route("GET", "/insights/earnings");
    expect(checkQuery(earnings, new URLSearchParams("source=tip,post")).invalid).toEqual([]);
    expect(checkQuery(route("GET", "/chats"), new URLSearchParams("sortBy=a&sortBy=b")).invalid).toEqual([
      "sortBy must be given once",
    ]);
  });
});

describe("bodies", () => {
  it("names undocumented fields at any depth and documented ones that break the reference", () => {
    const mass = route("POST", "/chats/mass-messages");
    const f = checkBody(mass, {
      text: "hi",
      includedLists: { smartListUuids: ["subscribers"], audience: "all" },
      sizeBytes: 3,
    });
    expect(f.undocumented.sort()).toEqual(["body.includedLists.audience", "body.sizeBytes"]);
    expect(checkBody(mass, { text: 5 }).invalid.sort()).toEqual(["includedLists is required", "text must be a string"]);
    expect(checkBody(route("PATCH", "/chats/{userUuid}"), { nickname: null }).invalid).toEqual([
      "nickname must be a string",
    ]);
  });

  it("strips undocumented fields and keeps the rest", () => {
    const body = { text: "hi", includedLists: { smartListUuids: ["subscribers"], audience: "all" }, sizeBytes: 3 };
    expect(stripFields(body, ["body.includedLists.audience", "body.sizeBytes"])).toEqual({
      text: "hi",
      includedLists: { smartListUuids: ["subscribers"] },
    });
    expect(body.sizeBytes).toBe(3);
  });
});

describe("responses", () => {
  const page = (item: Record<string, unknown>) => ({ data: [item], pagination: { page: 1, size: 1, hasMore: false } });
  const fan = {
    uuid: "0b1e4f3a-1111-4111-8111-111111111111",
    handle: "ann",
    displayName: "Ann",
    nickname: null,
    isTopSpender: false,
    avatarUrl: null,
    registeredAt: "2026-01-01T00:00:00.000Z",
  };

  it("accepts the reference's shape and refuses extra, missing and null-where-optional fields", () => {
    const subscribers = route("GET", "/subscribers");
    expect(checkResponse(subscribers, 200, page(fan))).toEqual([]);
    expect(checkResponse(subscribers, 200, page({ ...fan, status: "subscriber" }))).toEqual([
      "data.0: undocumented field(s) status",
    ]);
    expect(checkResponse(subscribers, 200, page({ ...fan, handle: undefined }))[0]).toMatch(/^data\.0\.handle/);
    const row = {
      date: "2026-01-01T00:00:00.000Z",
      gross: 500.5,
      net: 400.4,
      currency: "USD",
      source: "tip",
      user: null,
      transactionOrderId: "o1",
      transactionOrderStatus: "pendingBalance",
    };
    const earnings = route("GET", "/insights/earnings");
    expect(checkResponse(earnings, 200, { data: [row], nextCursor: null })).toEqual([]);
    expect(checkResponse(earnings, 200, { data: [{ ...row, postUuid: null }], nextCursor: null })[0]).toMatch(
      /^data\.0\.postUuid/,
    );
    expect(
      checkResponse(earnings, 200, { data: [{ ...row, transactionOrderStatus: "PAID" }], nextCursor: null })[0],
    ).toMatch(/^data\.0\.transactionOrderStatus/);
    expect(checkResponse(earnings, 201, {})).toEqual(["status 201 is not a documented success status"]);
  });
});
