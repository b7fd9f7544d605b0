import { describe, expect, it } from "vitest";
import { formatSkew, liveLabel, pollInterval } from "./live-provider";

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

  it("polls while Fanvue's deliveries are refused, and not at all once access ended", () => {
    expect(pollInterval("refused", true, "inbox")).toBe(20_000);
    expect(pollInterval("refused", true, "conversation")).toBe(10_000);
    expect(pollInterval("revoked", true, "inbox")).toBe(false);
  });
});

describe("the live indicator's words", () => {
  const refused = (skewSec: number) => ({ reason: "clock_skew" as const, skewSec, at: "2026-01-01T00:00:00.000Z" });

  it("says webhooks are refused and by how much the clock is off, instead of Live", () => {
    const label = liveLabel({ status: "refused", refused: refused(600), revoked: null });
    expect(label.text).toBe("Webhooks refused: check the server clock (off by 10 min)");
    expect(label.title).toContain("10 min ahead of Fanvue's");
    expect(liveLabel({ status: "refused", refused: refused(-7_260), revoked: null }).title).toContain(
      "2 h behind Fanvue's",
    );
    expect(liveLabel({ status: "live", refused: null, revoked: null }).text).toBe("Live");
  });

  it("rounds the skew to minutes, hours or days", () => {
    expect(formatSkew(301)).toBe("5 min");
    expect(formatSkew(-600)).toBe("10 min");
    expect(formatSkew(119 * 60)).toBe("119 min");
    expect(formatSkew(3 * 3600)).toBe("3 h");
    expect(formatSkew(3 * 86_400)).toBe("3 days");
  });

  it("names why updates stopped when access ended", () => {
    expect(liveLabel({ status: "revoked", refused: null, revoked: "signed_out" }).text).toBe(
      "Signed out: live updates stopped",
    );
    expect(liveLabel({ status: "revoked", refused: null, revoked: "no_access" }).text).toBe(
      "No access: live updates stopped",
    );
  });
});
