import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Campaigns against the sandbox and PostgreSQL: idempotent creation, lists
// that no longer exist, cancelling, scheduling, and results from the synced
// ledger with the hold-out comparison.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { createCampaign, cancelCampaign } = await import("@/lib/server/mass/campaigns");
const { runCampaign } = await import("@/lib/server/mass/send-job");
const { checkCampaign, resendCampaign, unsendCampaign } = await import("@/lib/server/mass/actions");
const { getCampaignResults } = await import("@/lib/server/mass/results");
const { getCampaigns } = await import("@/lib/server/mass/history");
const { createList, addMembers, deleteList } = await import("@/lib/server/chats/lists");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
type Access = NonNullable<Awaited<ReturnType<typeof getCreatorAccess>>>;

let access: Access;
let user: { id: string; name: string };
let n = 0;
const world = () => sb.state.world.creators.get(access.creator.fanvueUuid)!;
const draft = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: `mass-test-${Date.now()}-${++n}`,
  text: `Campaign ${n} ${Math.random()}`,
  mediaUuids: [] as string[],
  price: null as number | null,
  included: { smart: ["subscribers"], custom: [] as string[] },
  excluded: { smart: [] as string[], custom: [] as string[] },
  holdoutPercent: 0,
  scheduledAt: null as string | null,
  ...over,
});
const onFanvue = (text: string) => world().massMessages.filter((m) => m.text === text);

beforeAll(async () => {
  const p = await provisionAccount(sb, "luna");
  access = (await getCreatorAccess(p.user.id, p.creators.luna!.id))!;
  user = { id: p.user.id, name: "Luna" };
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("mass-message campaigns: one per key, lists that are gone", () => {
  it("the same key records one campaign; reusing it for another message is refused", async () => {
    const d = draft();
    const [a, b] = await Promise.all([createCampaign(access, user, d), createCampaign(access, user, { ...d })]);
    expect(a.campaign.id).toBe(b.campaign.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    await expect(createCampaign(access, user, { ...d, text: "different" })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.job.count({ where: { key: `mass-send:${a.campaign.id}` } })).toBe(1);
    expect(await runCampaign(a.campaign.id, { lastAttempt: false })).toBe("sent");
    expect(await runCampaign(a.campaign.id, { lastAttempt: false })).toBe("sent");
    expect(onFanvue(d.text)).toHaveLength(1);
  });

  it("refuses a custom list that no longer exists; one deleted after recording fails the send, nothing sent", async () => {
    const gone = await createList(access, `Soon gone ${n}`);
    await deleteList(access, gone.uuid);
    await expect(
      createCampaign(access, user, draft({ excluded: { smart: [], custom: [gone.uuid] } })),
    ).rejects.toMatchObject({ code: "invalid_input", extra: { field: "excluded" } });

    const later = await createList(access, `Deleted later ${n}`);
    const d = draft({ included: { smart: [], custom: [later.uuid] } });
    await addMembers(
      access,
      later.uuid,
      world()
        .fans.slice(0, 3)
        .map((f) => f.uuid),
    );
    const { campaign } = await createCampaign(access, user, d);
    await deleteList(access, later.uuid);
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("failed");
    const row = await db.massCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
    // Our words, not Fanvue's (its text goes to the log).
    expect(row.error).toBe(
      "Fanvue did not accept this mass message: check its lists, media and price. Nothing was sent.",
    );
    expect(onFanvue(d.text)).toHaveLength(0);
  });
});

describe("mass-message campaigns: lost connections", () => {
  it("connection lost after Fanvue acted → found in Fanvue's list and marked sent, never sent twice", async () => {
    const d = draft();
    const { campaign } = await createCampaign(access, user, d);
    await sb.admin("/faults", { path: "/chats/mass-messages", method: "POST", drop: "after", times: 1 });
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("sent");
    expect(onFanvue(d.text)).toHaveLength(1);
    expect((await db.massCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).fanvueId).toBe(
      onFanvue(d.text)[0]!.uuid,
    );
  });

  it("connection lost before Fanvue got it → 'state unknown — check', not resent; sending again is a person's decision", async () => {
    const d = draft();
    const { campaign } = await createCampaign(access, user, d);
    await sb.admin("/faults", { path: "/chats/mass-messages", method: "POST", drop: "before", times: 1 });
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("unknown");
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("unknown"); // a re-run never resends
    const checked = await checkCampaign(access, campaign.id);
    expect(checked.status).toBe("unknown");
    expect(checked.error).toMatch(/State unknown — check/);
    expect(onFanvue(d.text)).toHaveLength(0);
    expect((await resendCampaign(access, campaign.id)).status).toBe("queued");
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("sent");
    expect(onFanvue(d.text)).toHaveLength(1);
    await expect(resendCampaign(access, campaign.id)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("mass-message campaigns: cancelling and unsending", () => {
  it("a queued campaign can be cancelled and is then never sent", async () => {
    const d = draft();
    const { campaign } = await createCampaign(access, user, d);
    expect((await cancelCampaign(access, campaign.id)).status).toBe("cancelled");
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("cancelled");
    expect(onFanvue(d.text)).toHaveLength(0);
  });

  it("a sent campaign can be unsent on Fanvue (twice is harmless); one not sent yet cannot", async () => {
    const d = draft();
    const { campaign } = await createCampaign(access, user, d);
    await expect(unsendCampaign(access, campaign.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("sent");
    expect((await unsendCampaign(access, campaign.id)).status).toBe("unsent");
    expect(onFanvue(d.text)[0]!.deletedAt).not.toBeNull();
    expect((await unsendCampaign(access, campaign.id)).status).toBe("unsent");
    // The history agrees, and nothing was sent again.
    const page = await getCampaigns(access);
    expect(page.items.find((i) => i.id === campaign.id)).toMatchObject({ status: "unsent" });
    expect(onFanvue(d.text)).toHaveLength(1);
  });
});

describe("mass-message campaigns: results and scheduling", () => {
  it("results: purchases and revenue from the ledger, matched by message; the hold-out compared with those who received it", async () => {
    const media = world().media.find((m) => m.status === "ready")!;
    const d = draft({ mediaUuids: [media.uuid], price: 900, holdoutPercent: 20 });
    const { campaign } = await createCampaign(access, user, d);
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("sent");
    const row = await db.massCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
    const [mm] = onFanvue(d.text);
    const fans = await db.massCampaignFan.findMany({ where: { campaignId: campaign.id } });
    const held = fans.filter((f) => f.heldOut).map((f) => f.fanUuid);
    expect(held.length).toBe(Math.round(fans.length * 0.2));
    // Nobody held out received it; the hold-out list is excluded on Fanvue.
    const recipients = new Set(mm!.recipients.map((i) => world().fans[i]!.uuid));
    expect(held.filter((f) => recipients.has(f))).toEqual([]);
    expect(mm!.excludedLists.customListUuids).toContain(row.holdoutListUuid);

    const buyer = [...recipients][0]!;
    await sb.admin("/simulate/purchase", { creator: "luna", fan: buyer, messageUuid: mm!.uuid });
    await sb.admin("/simulate/tip", { creator: "luna", fan: held[0], amount: 2500 });
    await syncStream(access.creator.id, "earnings");

    const r = await getCampaignResults(access, campaign.id);
    expect(r.direct).toEqual({ purchases: 1, revenue: 900, net: 720 });
    expect(r.holdout).toMatchObject({
      synced: true,
      sent: { fans: fans.length - held.length },
      held: { fans: held.length },
    });
    expect(r.holdout!.sent.revenue).toBeGreaterThanOrEqual(900);
    expect(r.holdout!.held.revenue).toBeGreaterThanOrEqual(2500);
    expect(r.holdout!.held.buyers).toBeGreaterThanOrEqual(1);
  });

  // Last: it moves the sandbox clock forward (the ledger test needs it in step).
  it("a scheduled campaign is queued on Fanvue, then shows as sent once its time has come", async () => {
    const d = draft({ scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
    const { campaign } = await createCampaign(access, user, d);
    expect(await runCampaign(campaign.id, { lastAttempt: false })).toBe("scheduled");
    expect(onFanvue(d.text)[0]!.sentAt).toBeNull();
    await sb.admin("/clock/advance", { seconds: 3_700 });
    // Reads of Fanvue's list are coalesced for 5 s: read it fresh here.
    await db.upstreamSnapshot.deleteMany({ where: { key: { startsWith: "mass-list:" } } });
    const page = await getCampaigns(access);
    expect(page.items.find((i) => i.id === campaign.id)).toMatchObject({ status: "sent", source: "vuedeck" });
  });
});
