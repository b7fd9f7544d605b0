import { describe, expect, it } from "vitest";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { fieldOfMessage, isCertainRefusal, toFieldError } from "./errors";

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
  ])("%s → %s", (message, field) => {
    expect(fieldOfMessage(message)).toBe(field);
  });

  it("maps validation errors to invalid_input with the field; other kinds pass through", () => {
    const mapped = toFieldError(new FanvueError("validation", "x", { errors: ["price must be at least 300"] }));
    expect(mapped).toMatchObject({ code: "invalid_input", extra: { field: "price" }, message: "Fanvue refused: price must be at least 300" });
    const other = new FanvueError("rate_limited", "slow down");
    expect(toFieldError(other)).toBe(other);
  });

  it("knows which failures certainly created nothing", () => {
    expect(isCertainRefusal(new FanvueError("validation", "x"))).toBe(true);
    expect(isCertainRefusal(new FanvueError("rate_limited", "x"))).toBe(true);
    for (const kind of ["network", "timeout", "upstream", "bad_response"] as const) expect(isCertainRefusal(new FanvueError(kind, "x"))).toBe(false);
  });
});
