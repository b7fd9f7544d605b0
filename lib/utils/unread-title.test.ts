import { describe, expect, it } from "vitest";
import { titleWithUnread, totalUnread } from "./unread-title";

describe("titleWithUnread", () => {
  it("puts the count in front of the page's title", () => {
    expect(titleWithUnread("Chats · Vuedeck", 3)).toBe("(3) Chats · Vuedeck");
    expect(titleWithUnread("Vuedeck", 1)).toBe("(1) Vuedeck");
  });

  it("leaves the title as the page set it when nothing is unread", () => {
    expect(titleWithUnread("Earnings · Vuedeck", 0)).toBe("Earnings · Vuedeck");
  });

  it("replaces an earlier count instead of stacking them", () => {
    expect(titleWithUnread("(3) Chats · Vuedeck", 5)).toBe("(5) Chats · Vuedeck");
    expect(titleWithUnread("(99+) Chats · Vuedeck", 2)).toBe("(2) Chats · Vuedeck");
    expect(titleWithUnread("(3) Chats · Vuedeck", 0)).toBe("Chats · Vuedeck");
    expect(titleWithUnread(titleWithUnread("Fans · Vuedeck", 4), 4)).toBe("(4) Fans · Vuedeck");
  });

  it('says "99+" above 99, like the switcher', () => {
    expect(titleWithUnread("Chats · Vuedeck", 99)).toBe("(99) Chats · Vuedeck");
    expect(titleWithUnread("Chats · Vuedeck", 1234)).toBe("(99+) Chats · Vuedeck");
  });

  it("keeps a page title that itself starts with brackets", () => {
    expect(titleWithUnread("(Draft) New post · Vuedeck", 2)).toBe("(2) (Draft) New post · Vuedeck");
  });
});

describe("totalUnread", () => {
  it("adds every creator's unread chats; unknown ones count for nothing", () => {
    expect(totalUnread({ a: 2, b: null, c: 5 })).toBe(7);
    expect(totalUnread({ a: null })).toBe(0);
    expect(totalUnread({})).toBe(0);
    expect(totalUnread(undefined)).toBe(0);
  });
});
