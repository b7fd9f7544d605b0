import "server-only";
import { defineScheduler } from "@/lib/server/jobs/define";
import { closeIdleShifts } from "./clock";

// Every minute (the scheduler's tick): open shifts past their workspace's idle
// time are closed at their last activity. A minute late changes nothing: the
// end written is the last activity, not the moment of the sweep.
export const shiftIdleSweeper = defineScheduler("shift-idle-sweep", async () => {
  await closeIdleShifts();
});
