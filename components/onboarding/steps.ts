import { can, type Role } from "@/lib/schemas/permissions";

// "Getting started": which steps a person sees and which are done, from real
// state (their saved zone, this browser's push subscription and install, the
// team, whether they have opened the palette). Pure, so the rules are tested
// on their own (steps.test.ts); the card (getting-started.tsx) only reads it.

export const STEP_IDS = ["zone", "notifications", "team", "palette", "install"] as const;
export type StepId = (typeof STEP_IDS)[number];

/** This browser and push: cannot receive them at all, or has / has not got a subscription. */
export type PushState = "unsupported" | "off" | "on";

export type OnboardingFacts = {
  role: Role;
  /** The workspace has at least one creator (an agency may have none yet). */
  hasCreators: boolean;
  zoneSaved: boolean;
  push: PushState;
  /** Another member or a pending invite; null while unknown or not the person's to know. */
  teamShared: boolean | null;
  paletteOpened: boolean;
  installed: boolean;
};

export type Step = { id: StepId; done: boolean };

/** Only people who may invite are asked to, and only once there is something to share. */
export const canInviteTeam = (role: Role, hasCreators: boolean) => hasCreators && can(role, "team:manage");

function applies(id: StepId, f: OnboardingFacts) {
  // A browser that cannot receive push is not asked to (on iPhone it can once installed: step 5 says how).
  if (id === "notifications") return f.push !== "unsupported";
  if (id === "team") return canInviteTeam(f.role, f.hasCreators);
  return true;
}

function isDone(id: StepId, f: OnboardingFacts) {
  switch (id) {
    case "zone":
      return f.zoneSaved;
    case "notifications":
      return f.push === "on";
    case "team":
      return f.teamShared === true;
    case "palette":
      return f.paletteOpened;
    case "install":
      return f.installed;
  }
}

/** The steps that apply to this person, in order, each with its state. */
export function onboardingSteps(f: OnboardingFacts): Step[] {
  return STEP_IDS.filter((id) => applies(id, f)).map((id) => ({ id, done: isDone(id, f) }));
}

export function onboardingProgress(steps: Step[]) {
  const done = steps.filter((s) => s.done).length;
  return { done, total: steps.length, complete: done === steps.length, label: `${done} of ${steps.length} done` };
}
