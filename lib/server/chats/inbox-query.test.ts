import { describe, expect, it } from "vitest";
import { toFanvueInboxQuery } from "./inbox-query";

const q = (filter: string, extra: Record<string, unknown> = {}) =>
  ({ filter, sort: "recent", ...extra }) as Parameters<typeof toFanvueInboxQuery>[0];

describe("inbox filters → the self route's GET /chats", () => {
  it("uses Fanvue's documented filters and sorts", () => {
    expect(toFanvueInboxQuery(q("unread"))).toMatchObject({ filter: ["unread"], sortBy: "most_recent_messages" });
    expect(toFanvueInboxQuery(q("spent50"))).toMatchObject({ filter: ["spent_more_than_50"] });
    expect(toFanvueInboxQuery(q("unanswered"))).toMatchObject({ filter: ["not_answered"] });
    const all = toFanvueInboxQuery(q("all", { sort: "online" }));
    expect(all.filter).toBeUndefined();
    expect(all.sortBy).toBe("online_now");
  });

  it("maps lists to customListId / smartListIds, and passes search", () => {
    expect(
      toFanvueInboxQuery(q("all", { list: "custom:0b0e6b55-2e7a-4b8c-9d6b-5d2d5c0e9a11", search: "ann" })),
    ).toMatchObject({
      customListId: "0b0e6b55-2e7a-4b8c-9d6b-5d2d5c0e9a11",
      search: "ann",
    });
    expect(toFanvueInboxQuery(q("all", { list: "smart:auto_renewing" }))).toMatchObject({
      smartListIds: ["auto_renewing"],
    });
    expect(toFanvueInboxQuery(q("all", { search: "" })).search).toBeUndefined();
  });
});
