import { describe, expect, it } from "vitest";
import { dependencyOrder, isPrefix, migrationMismatch } from "./backup-catalog";
import { utcStamp } from "./backup-format";

describe("dependencyOrder", () => {
  it("puts every table after the tables it references, alphabetically among equals", () => {
    const fks: [string, string][] = [
      ["Creator", "Workspace"],
      ["EarningRow", "Creator"],
      ["Member", "User"],
      ["Member", "Workspace"],
      ["Workspace", "User"],
      ["Comment", "Comment"], // a self-reference never blocks its own table
    ];
    const order = dependencyOrder(["Comment", "Creator", "EarningRow", "Member", "User", "Workspace"], fks);
    expect(order).toEqual(["Comment", "User", "Workspace", "Creator", "Member", "EarningRow"]);
  });

  it("ignores references to tables outside the list, and names a cycle instead of guessing", () => {
    expect(dependencyOrder(["A"], [["A", "Elsewhere"]])).toEqual(["A"]);
    expect(() =>
      dependencyOrder(
        ["A", "B", "C"],
        [
          ["A", "B"],
          ["B", "A"],
        ],
      ),
    ).toThrow("Foreign keys form a cycle between A, B");
  });
});

describe("migrationMismatch", () => {
  const code = ["1_init", "2_fans", "3_chats"];

  it("accepts the code's migrations or their beginning", () => {
    expect(migrationMismatch(code, code)).toBeNull();
    expect(migrationMismatch(["1_init"], code)).toBeNull();
    expect(migrationMismatch([], code)).toBeNull();
    expect(isPrefix(["1_init", "2_fans"], code)).toBe(true);
  });

  it("refuses a backup from newer code, naming the unknown migration", () => {
    expect(migrationMismatch([...code, "4_future"], code)).toMatch(
      /migration 4_future \(number 4\), which this code does not have \(1 unknown: 4_future\)/,
    );
  });

  it("refuses migrations in another order", () => {
    expect(migrationMismatch(["1_init", "3_chats"], code)).toContain("has in another order (expected 2_fans)");
  });
});

it("utcStamp sorts by time and has no characters file systems refuse", () => {
  expect(utcStamp(new Date("2026-12-07T10:15:00.123Z"))).toBe("20261207T101500Z");
});
