import { describe, expect, it } from "vitest";
import { MISSING_TIME, publishAction } from "./publish-action";

const viewer = { zone: "Europe/Berlin", locale: "en-GB" };
const now = Date.parse("2026-12-06T10:00:00Z");
const base = { mode: "create" as const, wasScheduled: false, viewer, now };

describe("the composer's main button", () => {
  it("with Schedule chosen and the date cleared: says it schedules, is disabled, names the field", () => {
    const a = publishAction({ ...base, schedule: "later", publishAt: null });
    expect(a).toEqual({ label: "Schedule post", disabled: true, problem: MISSING_TIME });
    expect(a.label).not.toMatch(/publish now/i);
    expect(a.problem).toMatch(/“When”/);
    expect(publishAction({ ...base, mode: "edit", schedule: "later", publishAt: null, wasScheduled: true }).label).toBe(
      "Save and schedule",
    );
    expect(publishAction({ ...base, mode: "restore", schedule: "later", publishAt: null }).label).toBe("Reschedule");
  });

  it("with a time: schedules for it, in the viewer's zone", () => {
    const a = publishAction({ ...base, schedule: "later", publishAt: "2026-12-07T08:00:00Z" });
    expect(a.disabled).toBe(false);
    expect(a.problem).toBeNull();
    expect(a.label).toMatch(/^Schedule for .*09:00/);
  });

  it("Publish now publishes now (a stale time from before is ignored)", () => {
    expect(publishAction({ ...base, schedule: "now", publishAt: null })).toEqual({
      label: "Publish now",
      disabled: false,
      problem: null,
    });
    expect(publishAction({ ...base, schedule: "now", publishAt: "2026-12-07T08:00:00Z" }).label).toBe("Publish now");
    expect(publishAction({ ...base, mode: "edit", schedule: "now", publishAt: null }).label).toBe("Save changes");
  });
});
