import { afterAll, describe, expect, it } from "vitest";
import { runWorkerUntilKilled, waitFor } from "../support/kill-worker";
import { startTestSandbox } from "../support/sandbox";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { provisionAccount } from "../support/workspace";

// Automation sends are exactly once: a worker killed (SIGKILL) at random
// points 20 times, with a new subscriber (a due welcome) before each kill and
// Fanvue slowed down where a kill matters most (the send). Afterwards every
// fan has the welcome exactly once, or its run says "state unknown" (and it
// went out at most once); none is lost.

const SECRET = "whsec_automation_crash";
process.env.FANVUE_WEBHOOK_SECRET = SECRET;
const sb = await startTestSandbox({ rateLimit: { limit: 100_000, windowSec: 60 } });
const { db } = await import("@/lib/server/db");
const { startWorker } = await import("@/lib/server/jobs/worker");
const { createAutomation } = await import("@/lib/server/automations/service");
const { automationBodySchema } = await import("@/lib/schemas/automations");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const receiver = await startWebhookReceiver();

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
  receiver.close();
});

const KILLS = 20;

describe("automation worker killed at random points", () => {
  it(`${KILLS} kills: every welcome sent exactly once or marked state unknown, none lost`, async () => {
    const p = await provisionAccount(sb, "luna");
    await sb.admin("/webhooks", { url: receiver.url, secret: SECRET, retries: 2, backoffMs: 50 });
    const access = (await getCreatorAccess(p.user.id, p.creators.luna!.id))!;
    const tag = `crash-${Date.now()}`;
    const a = await createAutomation(
      access,
      { id: p.user.id, name: "Luna" },
      automationBodySchema.parse({
        name: "Crash welcome",
        trigger: "new_subscriber",
        text: `Welcome {name} · ${tag}`,
        timeZone: "UTC",
        skipIfWrittenMinutes: 0,
        skipIfUnread: false,
      }),
    );
    await sb.admin("/faults", { path: "/chats/*/message", method: "POST", latencyMs: 300 });
    const fans: string[] = [];
    let caughtSending = 0;
    for (let i = 0; i < KILLS; i++) {
      fans.push(((await sb.admin("/simulate/subscribe", { creator: "luna" })) as { fanUuid: string }).fanUuid);
      await runWorkerUntilKilled("tests/support/automation-worker.ts", 900);
      // Where the kill landed: a run caught mid-send (its ChatSend "sending").
      caughtSending += await db.automationRun.count({ where: { automationId: a.id, status: "sending" } });
    }
    await sb.admin("/faults", undefined, "DELETE");

    // A clean worker finishes whatever was left.
    const worker = startWorker({ queues: ["automation-run"], pollMs: 50, leaseMs: 1_500 });
    try {
      await waitFor(
        async () =>
          (await db.automationRun.count({ where: { automationId: a.id, status: { in: ["pending", "sending"] } } })) ===
          0,
        90_000,
      );
    } finally {
      await worker.stop();
    }

    const c = sb.state.world.creators.get(access.creator.fanvueUuid)!;
    const runs = await db.automationRun.findMany({ where: { automationId: a.id } });
    expect(runs).toHaveLength(KILLS);
    const tally: Record<string, number> = {};
    for (const fan of fans) {
      const run = runs.find((r) => r.fanUuid === fan)!;
      tally[run.status] = (tally[run.status] ?? 0) + 1;
      const chat = c.chats.get(c.fanIndex.get(fan)!);
      const got = (chat?.messages ?? []).filter((m) => !m.fromFan && m.text?.includes(tag)).length;
      if (run.status === "sent") expect(got, `${fan}: sent once`).toBe(1);
      else {
        expect(run.status, `${fan}: ${run.reason}`).toBe("unknown");
        expect(got).toBeLessThanOrEqual(1);
      }
    }
    console.log("automation crash test outcomes:", tally, "runs caught mid-send:", caughtSending);
  }, 240_000);
});
