import { describe, expect, it } from "vitest";
import { nextGridIndex } from "./grid-keys";

describe("nextGridIndex", () => {
  // 10 tiles in 4 columns: rows 0-3, 4-7, 8-9.
  const move = (key: string, at: number) => nextGridIndex(key, at, 10, 4);

  it("moves left and right along the reading order, across rows, stopping at the ends", () => {
    expect(move("ArrowRight", 3)).toBe(4);
    expect(move("ArrowLeft", 4)).toBe(3);
    expect(move("ArrowLeft", 0)).toBe(0);
    expect(move("ArrowRight", 9)).toBe(9);
  });

  it("moves up and down by a row and stays put where there is no tile below or above", () => {
    expect(move("ArrowDown", 1)).toBe(5);
    expect(move("ArrowDown", 5)).toBe(9);
    expect(move("ArrowDown", 6)).toBe(6);
    expect(move("ArrowUp", 9)).toBe(5);
    expect(move("ArrowUp", 2)).toBe(2);
  });

  it("jumps to the ends and by pages of three rows", () => {
    expect(move("Home", 7)).toBe(0);
    expect(move("End", 2)).toBe(9);
    expect(nextGridIndex("PageDown", 0, 40, 4)).toBe(12);
    expect(nextGridIndex("PageUp", 5, 40, 4)).toBe(0);
  });

  it("ignores other keys and empty grids", () => {
    expect(move("Enter", 3)).toBeNull();
    expect(move(" ", 3)).toBeNull();
    expect(nextGridIndex("ArrowRight", 0, 0, 4)).toBeNull();
  });
});
