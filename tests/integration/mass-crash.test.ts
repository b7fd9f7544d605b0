import { afterAll, describe, expect, it } from "vitest";
import { runWorkerUntilKilled, waitFor } from "../support/kill-worker";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Mass messages are sent exactly once: a worker killed (SIGKILL) at random
// points 20 times, with a new campaign queued before each kill. Afterwards
// every campaign is sent exactly once, or marked "state unknown" (and then
// sent at most once), and none is lost.

// No rate limit in the way: 20 restarts re-read lists many times.
const sb = await startTestSandbox({ rateLimit: { limit: 100_000, windowSec: 60 } });
const { db } = await import("@/lib/server/db");
const { createCampaign } = await import("@/lib/server/mass/campaigns");
const { createList, addMembers } = await import("@/lib/server/chats/lists");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const { startWorker } = await import("@/lib/server/jobs/worker");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const KILLS = 20;
const TERMINAL = ["sent", "scheduled", "failed", "unknown", "cancelled"];

describe("mass-message worker killed at random points", () => {
  it(`${KILLS} kills: every campaign sent exactly once or marked state unknown, none lost`, async () => {
    const p = await provisionAccount(sb, "luna");
    const access = (await getCreatorAccess(p.user.id, p.creators.luna!.id))!;
    const user = { id: p.user.id, name: "Luna" };
    const c = sb.state.world.creators.get(access.creator.fanvueUuid)!;
    const exclude = await createList(access, "Crash test: skip");
    await addMembers(
      access,
      exclude.uuid,
      c.fans.slice(0, 20).map((f) => f.uuid),
    );
    // Slow Fanvue down where a kill matters most: during the send and the hold-out list.
    await sb.admin("/faults", { path: "/chats/mass-messages", method: "POST", latencyMs: 250 });
    await sb.admin("/faults", { path: "/chats/lists/custom/*/members", method: "POST", latencyMs: 120 });

    const run = `${Date.now()}`;
    const caught: Record<string, number> = {};
    for (let i = 0; i < KILLS; i++) {
      await createCampaign(access, user, {
        idempotencyKey: `crash-${run}-${i}`,
        text: `Crash campaign ${i} · ${run}`,
        mediaUuids: [],
        price: null,
        included: { smart: [i % 2 ? "subscribers" : "followers"], custom: [] },
        excluded: { smart: [], custom: i % 3 === 0 ? [exclude.uuid] : [] },
        holdoutPercent: i % 2 ? 10 : 0,
        scheduledAt: null,
      });
      await runWorkerUntilKilled("tests/support/mass-worker.ts", 900);
      // Where the kill landed: campaigns caught mid-preparation or mid-send.
      for (const r of await db.massCampaign.findMany({
        where: { creatorId: access.creator.id, status: { in: ["preparing", "sending"] } },
      })) {
        caught[r.status] = (caught[r.status] ?? 0) + 1;
      }
    }
    await sb.admin("/faults", undefined, "DELETE");

    // A clean worker finishes whatever was left.
    const worker = startWorker({ queues: ["mass-send"], pollMs: 50, leaseMs: 1_500 });
    try {
      await waitFor(
        async () =>
          (await db.massCampaign.count({ where: { creatorId: access.creator.id, status: { notIn: TERMINAL } } })) === 0,
        90_000,
      );
    } finally {
      await worker.stop();
    }

    const campaigns = await db.massCampaign.findMany({ where: { creatorId: access.creator.id } });
    expect(campaigns).toHaveLength(KILLS);
    const tally: Record<string, number> = {};
    for (const camp of campaigns) {
      tally[camp.status] = (tally[camp.status] ?? 0) + 1;
      const onFanvue = c.massMessages.filter((m) => m.text === camp.text);
      if (camp.status === "sent") {
        expect(onFanvue, camp.text!).toHaveLength(1);
        expect(camp.fanvueId).toBe(onFanvue[0]!.uuid);
      } else {
        expect(camp.status, `${camp.text}: ${camp.error}`).toBe("unknown");
        expect(onFanvue.length).toBeLessThanOrEqual(1);
      }
      if (camp.status === "sent" && camp.holdoutPercent > 0) {
        const held = (await db.massCampaignFan.findMany({ where: { campaignId: camp.id, heldOut: true } })).map(
          (r) => r.fanUuid,
        );
        expect(held.length).toBeGreaterThan(0);
        const list = c.customLists.find((l) => l.uuid === camp.holdoutListUuid)!;
        expect(new Set([...list.members].map((i) => c.fans[i]!.uuid))).toEqual(new Set(held));
        const recipients = new Set(onFanvue[0]!.recipients.map((i) => c.fans[i]!.uuid));
        expect(held.filter((f) => recipients.has(f))).toEqual([]);
      }
    }
    console.log(`mass crash test: ${KILLS} kills, caught mid-work:`, caught, "→ outcome:", tally);
    expect(tally.sent ?? 0).toBeGreaterThan(KILLS / 2);
    // The test must have exercised the dangerous window: killed after
    // "sending" was committed (with 250 ms of latency on the call, most
    // runs catch several).
    expect(caught.sending ?? 0).toBeGreaterThan(0);
  }, 300_000);
});
