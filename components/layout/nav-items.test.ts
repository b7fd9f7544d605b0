import { describe, expect, it } from "vitest";
import { activeHref, navFor, navSections, tabsOf } from "./nav-items";

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe("navigation per workspace and role", () => {
  it("an agency owner: the agency's pages first, then the open creator's", () => {
    const nav = navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "agency", role: "owner" });
    expect(labels(nav.primary).slice(0, 9)).toEqual([
      "All creators",
      "All earnings",
      "All best times",
      "All retention",
      "All subscriber trends",
      "All tracking links",
      "Team inbox",
      "Performance",
      "Payouts",
    ]);
    expect(nav.primary.find((i) => i.label === "Team inbox")?.href).toBe("/w/w1/inbox");
    expect(nav.primary.find((i) => i.label === "All tracking links")?.href).toBe("/w/w1/links");
    expect(nav.primary.find((i) => i.label === "All retention")?.href).toBe("/w/w1/retention");
    expect(nav.primary.find((i) => i.label === "All subscriber trends")?.href).toBe("/w/w1/trends");
    // The open creator's audience pages: trends, then retention.
    const creatorPages = labels(nav.primary);
    expect(
      creatorPages.slice(creatorPages.indexOf("Subscriber trends"), creatorPages.indexOf("Retention") + 1),
    ).toEqual(["Subscriber trends", "Retention"]);
    expect(nav.primary.find((i) => i.label === "Subscriber trends")?.href).toBe("/c/c1/trends");
    expect(nav.primary.find((i) => i.label === "Tracking links")?.href).toBe("/c/c1/links");
    expect(labels(nav.primary)).toContain("Chats");
    expect(labels(nav.secondary)).toEqual(["Team", "Activity"]);
  });

  it("an agency chatter: no earnings, their own sales", () => {
    const nav = navFor({ creatorId: null, workspaceId: "w1", workspaceKind: "agency", role: "chatter" });
    expect(labels(nav.primary)).toEqual(["All creators", "Team inbox", "My sales", "My pay"]);
    expect(nav.secondary).toEqual([]);
  });

  it("a creator's own workspace: performance with the team pages", () => {
    const nav = navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "creator", role: "owner" });
    expect(labels(nav.primary)).not.toContain("Team inbox");
    expect(labels(nav.secondary)).toEqual(["Performance", "Payouts", "Team", "Activity"]);
  });

  it("the creator's read-only seat: their account, its sales and activity, no pay", () => {
    const nav = navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "agency", role: "creator" });
    expect(labels(nav.primary).slice(0, 8)).toEqual([
      "All creators",
      "All earnings",
      "All best times",
      "All retention",
      "All subscriber trends",
      "All tracking links",
      "Team inbox",
      "Performance",
    ]);
    // Their account's own pages, the agency's share among them.
    expect(labels(nav.primary)).toEqual(
      expect.arrayContaining([
        "Earnings",
        "Agency share",
        "Best times",
        "Retention",
        "Subscriber trends",
        "Tracking links",
      ]),
    );
    expect(labels(nav.primary)).not.toContain("Payouts");
    expect(labels(nav.secondary)).toEqual(["Activity"]);
  });
});

const sectionsOf = (items: Parameters<typeof navSections>[0]) =>
  navSections(items).map((s) => [s.group, labels(s.items)] as const);

describe("the sidebar's groups", () => {
  it("a creator's twelve pages in four labelled groups under the overview", () => {
    const nav = navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "creator", role: "owner" });
    expect(sectionsOf(nav.primary)).toEqual([
      [null, ["Overview"]],
      ["Money", ["Earnings"]],
      ["Audience", ["Fans", "Subscriber trends", "Retention", "Tracking links", "Best times"]],
      ["Messaging", ["Chats", "Mass messages", "Automations"]],
      ["Content", ["Posts & queue", "Vault"]],
    ]);
  });

  it("an agency: its own pages as one group, the agency share with the creator's money", () => {
    const nav = navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "agency", role: "owner" });
    const sections = sectionsOf(nav.primary);
    expect(sections.map(([g]) => g)).toEqual(["Agency", null, "Money", "Audience", "Messaging", "Content"]);
    expect(sections[0]![1]).toContain("Team inbox");
    expect(sections.find(([g]) => g === "Money")![1]).toEqual(["Earnings", "Agency share"]);
  });

  it("a chatter: groups without the pages the role may not open, and none left empty", () => {
    const nav = navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "agency", role: "chatter" });
    expect(sectionsOf(nav.primary).slice(1)).toEqual([
      [null, ["Overview"]],
      ["Audience", ["Fans"]],
      ["Messaging", ["Chats"]],
      ["Content", ["Vault"]],
    ]);
  });
});

describe("the phone's tab bar", () => {
  it("a creator: Overview, Chats, Fans, Posts; the rest under More", () => {
    const { tabs, more } = tabsOf(
      navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "creator", role: "owner" }),
    );
    expect(tabs.map((t) => [t.tab?.label, t.href])).toEqual([
      ["Overview", "/c/c1"],
      ["Chats", "/c/c1/chats"],
      ["Fans", "/c/c1/fans"],
      ["Posts", "/c/c1/posts"],
    ]);
    expect(labels(more.primary)).not.toContain("Chats");
    expect(labels(more.primary)).toContain("Vault");
    expect(labels(more.secondary)).toContain("Team");
  });

  it("tabs follow the role: a viewer reads all four, a chatter has no posts tab", () => {
    const viewer = tabsOf(navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "agency", role: "viewer" }));
    expect(viewer.tabs.map((t) => t.tab?.key)).toEqual(["overview", "chats", "fans", "posts"]);
    const chatter = tabsOf(navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "agency", role: "chatter" }));
    // A chatter may not see posts: no tab for them, and no tab pointing at the agency's pages.
    expect(chatter.tabs.map((t) => t.href)).toEqual(["/c/c1", "/c/c1/chats", "/c/c1/fans"]);
  });

  it("an agency with no creator open: its creators and the team inbox", () => {
    const { tabs } = tabsOf(navFor({ creatorId: null, workspaceId: "w1", workspaceKind: "agency", role: "chatter" }));
    expect(tabs.map((t) => [t.tab?.label, t.href])).toEqual([
      ["Creators", "/w/w1"],
      ["Chats", "/w/w1/inbox"],
    ]);
  });

  it("lights the deepest matching page", () => {
    const nav = navFor({ creatorId: "c1", workspaceId: "w1", workspaceKind: "creator", role: "owner" });
    expect(activeHref(nav.primary, "/c/c1/chats")).toBe("/c/c1/chats");
    expect(activeHref(nav.primary, "/c/c1/posts/new")).toBe("/c/c1/posts");
    expect(activeHref(nav.primary, "/c/c1")).toBe("/c/c1");
    expect(activeHref(nav.primary, "/c/c2")).toBeUndefined();
  });
});
