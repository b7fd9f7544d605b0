import { describe, expect, it } from "vitest";
import { pollInterval } from "./live-provider";

describe("live updates or polling", () => {
  it("polls within the rate budget without webhooks, or until a pushed event proves they arrive", () => {
    expect(pollInterval("polling", false, "inbox")).toBe(20_000);
    expect(pollInterval("polling", false, "conversation")).toBe(10_000);
    expect(pollInterval("connecting", true, "inbox")).toBe(20_000);
    expect(pollInterval("live", false, "inbox")).toBe(20_000);
  });

  it("with webhooks delivering, only a slow safety poll of the list remains", () => {
    expect(pollInterval("live", true, "inbox")).toBe(120_000);
    expect(pollInterval("live", true, "conversation")).toBe(false);
  });
});
