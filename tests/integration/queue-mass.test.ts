import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";
import { campaignBase } from "../support/mass";

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getQueue } = await import("@/lib/server/posts/queue-sources");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("the posts queue", () => {
  it("lists scheduled mass messages beside scheduled posts, in time order; sent ones are not listed", async () => {
    const { user, creators } = await provisionAccount(sb, "luna");
    const creatorId = creators.luna!.id;
    const soon = new Date(Date.now() + 3_600_000);
    const base = campaignBase(creatorId);
    await db.massCampaign.create({
      data: { ...base, idempotencyKey: "k1", text: "Weekend special", status: "scheduled", scheduledAt: soon },
    });
    await db.massCampaign.create({
      data: {
        ...base,
        idempotencyKey: "k2",
        text: "Already out",
        status: "sent",
        scheduledAt: soon,
        sentAt: new Date(),
      },
    });
    const queue = await getQueue((await getCreatorAccess(user.id, creatorId))!);
    const mass = queue.items.filter((i) => i.kind === "mass_message");
    expect(mass.map((i) => i.title)).toEqual(["Weekend special"]);
    expect(mass[0]).toMatchObject({
      at: soon.toISOString(),
      canReschedule: false,
      href: `/c/${creatorId}/mass-messages`,
    });
    expect(queue.items.some((i) => i.kind === "post")).toBe(true);
    const times = queue.items.map((i) => Date.parse(i.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
