import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/schemas/permissions";
import { onboardingProgress, onboardingSteps, type OnboardingFacts } from "./steps";

const fresh: OnboardingFacts = {
  role: "owner",
  hasCreators: true,
  zoneSaved: false,
  push: "off",
  teamShared: false,
  paletteOpened: false,
  installed: false,
};
const ids = (f: Partial<OnboardingFacts>) => onboardingSteps({ ...fresh, ...f }).map((s) => s.id);

describe("which steps apply", () => {
  it("an owner with a creator: all five, in order", () => {
    expect(ids({})).toEqual(["zone", "notifications", "team", "palette", "install"]);
  });

  it("only roles that may manage the team are asked to invite it", () => {
    const inviting = ROLES.filter((role) => ids({ role }).includes("team"));
    expect(inviting).toEqual(["owner"]);
    expect(ids({ role: "chatter" })).toEqual(["zone", "notifications", "palette", "install"]);
  });

  it("an agency without creators yet has no team to invite", () => {
    expect(ids({ hasCreators: false })).not.toContain("team");
  });

  it("a browser that cannot receive push is not asked to turn it on", () => {
    expect(ids({ push: "unsupported" })).toEqual(["zone", "team", "palette", "install"]);
  });
});

describe("done states", () => {
  const done = (f: Partial<OnboardingFacts>) =>
    onboardingSteps({ ...fresh, ...f })
      .filter((s) => s.done)
      .map((s) => s.id);

  it("nothing is done for a new user", () => {
    expect(done({})).toEqual([]);
  });

  it("each fact ticks its own step and no other", () => {
    expect(done({ zoneSaved: true })).toEqual(["zone"]);
    expect(done({ push: "on" })).toEqual(["notifications"]);
    expect(done({ teamShared: true })).toEqual(["team"]);
    expect(done({ paletteOpened: true })).toEqual(["palette"]);
    expect(done({ installed: true })).toEqual(["install"]);
  });

  it("a team not known yet is not done", () => {
    expect(done({ teamShared: null })).toEqual([]);
  });
});

describe("progress", () => {
  it("counts the done steps among those that apply", () => {
    const p = onboardingProgress(onboardingSteps({ ...fresh, zoneSaved: true, paletteOpened: true }));
    expect(p).toEqual({ done: 2, total: 5, complete: false, label: "2 of 5 done" });
  });

  it("a fact for a step that does not apply does not count", () => {
    const p = onboardingProgress(onboardingSteps({ ...fresh, role: "viewer", teamShared: true, zoneSaved: true }));
    expect(p.label).toBe("1 of 4 done");
  });

  it("complete once every step that applies is done", () => {
    const all = { zoneSaved: true, paletteOpened: true, installed: true, push: "unsupported" as const };
    expect(onboardingProgress(onboardingSteps({ ...fresh, ...all, role: "chatter" })).complete).toBe(true);
    expect(onboardingProgress(onboardingSteps({ ...fresh, ...all, role: "owner" })).complete).toBe(false);
  });
});
