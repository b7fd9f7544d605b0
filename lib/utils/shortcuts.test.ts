import { describe, expect, it } from "vitest";
import { goTargets } from "./shortcuts";

const item = (href: string, label: string, ready = true) => ({ href, label, ready });

describe("go-to shortcuts", () => {
  it("gives each page its letter, the open creator's page over the agency-wide one", () => {
    const t = goTargets([
      item("/w/w1", "All creators"),
      item("/w/w1/earnings", "All earnings"),
      item("/c/c1", "Overview"),
      item("/c/c1/earnings", "Earnings"),
      item("/c/c1/chats", "Chats"),
      item("/w/w1/team", "Team"),
      item("/c/c1/vault", "Vault", false),
    ]);
    expect(t).toEqual([
      { letter: "o", href: "/c/c1", label: "Overview" },
      { letter: "e", href: "/c/c1/earnings", label: "Earnings" },
      { letter: "c", href: "/c/c1/chats", label: "Chats" },
      { letter: "t", href: "/w/w1/team", label: "Team" },
    ]);
  });

  it("keeps the agency's page when no creator is open", () => {
    expect(goTargets([item("/w/w1", "All creators"), item("/w/w1/earnings", "All earnings")])).toEqual([
      { letter: "o", href: "/w/w1", label: "All creators" },
      { letter: "e", href: "/w/w1/earnings", label: "All earnings" },
    ]);
  });
});
