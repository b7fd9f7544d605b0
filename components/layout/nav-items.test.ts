import { describe, expect, it } from "vitest";
import { navFor } from "./nav-items";

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
    // The open creator's trends come right after their retention.
    const creatorPages = labels(nav.primary);
    expect(creatorPages.slice(creatorPages.indexOf("Retention"), creatorPages.indexOf("Retention") + 2)).toEqual([
      "Retention",
      "Subscriber trends",
    ]);
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
