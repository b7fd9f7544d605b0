import { describe, expect, it } from "vitest";
import { isUnanswered, toFanvueInboxQuery } from "./inbox-query";

const q = (filter: string, extra: Record<string, unknown> = {}) => ({ filter, sort: "recent", ...extra }) as Parameters<typeof toFanvueInboxQuery>[0];

describe("inbox filters → Fanvue's GET /chats", () => {
  it("uses Fanvue's own filters on self routes", () => {
    expect(toFanvueInboxQuery(q("unread"), "self")).toMatchObject({ filter: ["unread"], sortBy: "most_recent_messages" });
    expect(toFanvueInboxQuery(q("spent50"), "self")).toMatchObject({ filter: ["spent_more_than_50"] });
    expect(toFanvueInboxQuery(q("unanswered"), "self")).toMatchObject({ filter: ["not_answered"], onlyUnanswered: false });
    const all = toFanvueInboxQuery(q("all", { sort: "online" }), "self");
    expect(all.filter).toBeUndefined();
    expect(all.sortBy).toBe("online_now");
  });

  it("never sends creator-only filters on agency routes (Fanvue answers 403)", () => {
    for (const f of ["subscribers", "followers", "spent50", "unanswered"]) {
      const out = toFanvueInboxQuery(q(f), "agency");
      expect(out.filter ?? []).not.toContain("subscribers");
      expect(out.filter ?? []).toHaveLength(0);
    }
    expect(toFanvueInboxQuery(q("subscribers"), "agency")).toMatchObject({ smartListIds: ["subscribers"] });
    expect(toFanvueInboxQuery(q("spent50"), "agency")).toMatchObject({ smartListIds: ["spent_more_than_50"] });
    expect(toFanvueInboxQuery(q("unanswered"), "agency")).toMatchObject({ sortBy: "most_unanswered_chats", onlyUnanswered: true });
    expect(toFanvueInboxQuery(q("unread"), "agency")).toMatchObject({ filter: ["unread"] });
  });

  it("maps lists to customListId / smartListIds, and passes search", () => {
    expect(toFanvueInboxQuery(q("all", { list: "custom:0b0e6b55-2e7a-4b8c-9d6b-5d2d5c0e9a11", search: "ann" }), "self")).toMatchObject({
      customListId: "0b0e6b55-2e7a-4b8c-9d6b-5d2d5c0e9a11",
      search: "ann",
    });
    expect(toFanvueInboxQuery(q("all", { list: "smart:auto_renewing" }), "agency")).toMatchObject({ smartListIds: ["auto_renewing"] });
  });

  it("a chat is unanswered when the fan wrote last", () => {
    expect(isUnanswered("fan", "creator")).toBe(true);
    expect(isUnanswered("creator", "creator")).toBe(false);
    expect(isUnanswered(null, "creator")).toBe(false);
  });
});
