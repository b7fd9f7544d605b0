import { publishLabel } from "@/lib/utils/post-time";
import type { Viewer } from "@/lib/utils/time";

// The composer's main button: what it will do, in words, and whether it can
// do it now. "Schedule" chosen with the date cleared is not "Publish now":
// the button says it schedules, waits for a time, and the bar names the field.

export type PublishAction = { label: string; disabled: boolean; problem: string | null };

export const MISSING_TIME = "Pick a date and a time in “When” to schedule this post, or choose “Publish now” there.";

export function publishAction(o: {
  mode: "create" | "edit" | "restore";
  schedule: "now" | "later";
  publishAt: string | null;
  wasScheduled: boolean;
  viewer: Viewer;
  now?: number;
}): PublishAction {
  if (o.schedule === "later" && o.publishAt === null)
    return {
      label: o.mode === "edit" ? "Save and schedule" : o.mode === "restore" ? "Reschedule" : "Schedule post",
      disabled: true,
      problem: MISSING_TIME,
    };
  return {
    label: publishLabel({
      mode: o.mode,
      publishAt: o.schedule === "later" ? o.publishAt : null,
      wasScheduled: o.wasScheduled,
      viewer: o.viewer,
      now: o.now,
    }),
    disabled: false,
    problem: null,
  };
}
