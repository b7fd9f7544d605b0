import { describe, expect, it } from "vitest";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { actionRefused, fieldOfMessage, isCertainRefusal, toFieldError } from "./errors";

describe("Fanvue refusals → composer fields", () => {
  it.each([
    ["price must be at least 300", "price"],
    ["price requires at least one media item", "price"],
    ["mediaPreviewUuid must be one of mediaUuids", "preview"],
    ["mediaUuids must reference your own media (unknown: x)", "media"],
    ["media 1234 is not ready", "media"],
    ["publishAt must be in the future", "publishAt"],
    ["expiresAt must be after the publish time", "expiresAt"],
    ["text must be at most 5000 characters", "text"],
    ["a post needs text or at least one media item", "text"],
    ["audience must be one of: subscribers, followers-and-subscribers", "audience"],
    ["price: Too small: expected number to be >=300", "price"],
    ["publishAt: expected an ISO 8601 date-time", "publishAt"],
  ])("%s → %s", (message, field) => {
    expect(fieldOfMessage(message)).toBe(field);
  });

  it("maps validation errors to invalid_input with the field, in our words (Fanvue's text stays out)", () => {
    const mapped = toFieldError(
      new FanvueError("validation", "x", { errors: ["price must be at least 300 (raw upstream)"] }),
    );
    expect(mapped).toMatchObject({ code: "invalid_input", extra: { field: "price" } });
    expect((mapped as Error).message).toBe("Fanvue did not accept the price. Choose another price and send again.");
    const unknown = toFieldError(
      new FanvueError("validation", "x", { errors: ["something new (raw upstream)"] }),
    ) as Error;
    expect(unknown.message).not.toMatch(/raw upstream/);
    expect(unknown).toMatchObject({ code: "invalid_input", extra: {} });
    const other = new FanvueError("rate_limited", "slow down");
    expect(toFieldError(other)).toBe(other);
  });

  it("says plainly when this Fanvue lacks or refuses a post action, never to try again", () => {
    const missing = actionRefused(
      new FanvueError("unsupported", "x", { status: 405, upstreamText: "Method PATCH not allowed" }),
      "reschedule",
    );
    expect(missing).toMatchObject({
      code: "not_found",
      message: "Fanvue does not let Vuedeck reschedule posts for this account. Reschedule it in Fanvue's app.",
    });
    const refused = actionRefused(new FanvueError("forbidden", "x", { status: 403 }), "publishNow");
    expect(refused.code).toBe("forbidden");
    expect(refused.message).toBe(
      "Fanvue refused to let this connection publish scheduled posts early. Reconnect Fanvue with access to posts, or publish it in Fanvue's app.",
    );
    for (const a of ["publish", "edit", "reschedule", "publishNow", "cancel"] as const) {
      const m = actionRefused(new FanvueError("unsupported", "x"), a).message;
      expect(m).not.toMatch(/try again|Method|not allowed/i);
    }
  });

  it("knows which failures certainly created nothing", () => {
    expect(isCertainRefusal(new FanvueError("validation", "x"))).toBe(true);
    expect(isCertainRefusal(new FanvueError("rate_limited", "x"))).toBe(true);
    // Held by our limiter behind unanswered calls: never sent.
    expect(isCertainRefusal(new FanvueError("stalled", "x"))).toBe(true);
    for (const kind of ["network", "timeout", "upstream", "bad_response"] as const)
      expect(isCertainRefusal(new FanvueError(kind, "x"))).toBe(false);
  });
});
