import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration, titleOf } from "./format";

describe("media formatting", () => {
  it("formats durations like a player", () => {
    expect(formatDuration(83_000)).toBe("1:23");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatDuration(400)).toBe("0:00");
    expect(formatDuration(null)).toBeNull();
  });

  it("formats sizes and titles", () => {
    expect(formatBytes(30 * 1024 * 1024)).toBe("30.0 MB");
    expect(formatBytes(512)).toBe("512 B");
    expect(titleOf({ caption: " ", name: "IMG_1.jpg", mediaType: "image" })).toBe("IMG_1.jpg");
    expect(titleOf({ caption: null, name: null, mediaType: "video" })).toBe("Untitled video");
  });
});
