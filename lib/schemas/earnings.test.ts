import { describe, expect, it } from "vitest";
import { findRoute } from "@/contract/fanvue/check";
import { EARNING_SOURCE_LABELS, OTHER_SOURCES, sourceGroup, SOURCES } from "./earnings";

/** The `source` enum of GET /insights/earnings rows in Fanvue's reference. */
function referenceSources(): string[] {
  const route = findRoute("GET", "/insights/earnings")!;
  return [...route.query.source!.values!];
}

describe("earning sources", () => {
  it("has a plain label for every source Fanvue's reference lists", () => {
    for (const s of referenceSources().filter((x) => x !== "all"))
      expect(EARNING_SOURCE_LABELS[s], s).toMatch(/^[A-Z]/);
  });

  it("groups every reference source either on its own or in 'others', and 'others' names what it holds", () => {
    for (const s of referenceSources().filter((x) => x !== "all")) {
      const g = sourceGroup(s);
      expect(g === "others" ? (OTHER_SOURCES as readonly string[]).includes(s) : g === s, s).toBe(true);
    }
    expect(SOURCES).toContain("others");
  });
});
