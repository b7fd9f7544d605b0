import { describe, expect, it } from "vitest";
import { emptySelection, toggleAt } from "./selection";

const order = ["a", "b", "c", "d", "e", "f"];

describe("grid selection", () => {
  it("toggles single items and keeps the order they were picked in", () => {
    let s = toggleAt(emptySelection, order, 3, false);
    s = toggleAt(s, order, 1, false);
    expect(s.uuids).toEqual(["d", "b"]);
    s = toggleAt(s, order, 3, false);
    expect(s.uuids).toEqual(["b"]);
  });

  it("selects a range with Shift from the last clicked item, either direction, without duplicates", () => {
    let s = toggleAt(emptySelection, order, 1, false);
    s = toggleAt(s, order, 4, true);
    expect(s.uuids).toEqual(["b", "c", "d", "e"]);
    s = toggleAt(s, order, 0, true);
    expect(s.uuids).toEqual(["b", "c", "d", "e", "a"]);
  });

  it("skips items that cannot be selected, alone or inside a range", () => {
    const ready = (u: string) => u !== "c";
    expect(toggleAt(emptySelection, order, 2, false, ready)).toBe(emptySelection);
    const s = toggleAt(toggleAt(emptySelection, order, 1, false, ready), order, 3, true, ready);
    expect(s.uuids).toEqual(["b", "d"]);
  });

  it("treats Shift without an anchor as a plain click, and ignores unknown indexes", () => {
    expect(toggleAt(emptySelection, order, 2, true).uuids).toEqual(["c"]);
    expect(toggleAt(emptySelection, order, 99, false)).toBe(emptySelection);
  });
});
