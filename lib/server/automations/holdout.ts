import "server-only";
import { createHash } from "node:crypto";

// An automation's hold-out: fans whose hash of (automation, fan) falls in the
// share are never sent it — the same fans every time it fires, so a fan is in
// one group for good and the comparison is fair. Pure; unit-tested.

export function heldOut(automationId: string, fanUuid: string, percent: number) {
  if (percent <= 0) return false;
  const h = createHash("sha256").update(`${automationId}:${fanUuid}`).digest().readUInt32BE(0);
  return h % 100 < percent;
}
