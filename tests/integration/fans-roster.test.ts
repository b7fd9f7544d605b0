import { spawn } from "node:child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { creatorWorkspace } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";

// The fan roster: a full sync of Fanvue's lists into Postgres (resumable,
// removing fans who left), the head check between syncs, webhooks, and
// search/sort over it, since Fanvue's lists take page and size only.
const SECRET = "whsec_roster_test";
process.env.FANVUE_WEBHOOK_SECRET = SECRET;
const sb = await startTestSandbox({ soloFans: 600 });
const { db } = await import("@/lib/server/db");
const { startWorker } = await import("@/lib/server/jobs/worker");
const { startRosterSync, queueRosterJob } = await import("@/lib/server/fans/roster/roster-sync");
const { getRosterView } = await import("@/lib/server/fans/roster/roster-view");
const { listFans } = await import("@/lib/server/fans/table");
const { fansQuerySchema } = await import("@/lib/schemas/fans");
const { receiveWebhook } = await import("@/lib/server/live/receiver");
const { expectedSignature } = await import("@/lib/server/live/signature");

const luna = await creatorWorkspace(sb, "luna");
const world = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!;
const creatorId = luna.access.creator.id;
const q = (extra: Record<string, unknown>) => fansQuerySchema.parse({ list: "all", size: 50, ...extra });
const calls = async (path: string) =>
  ((await sb.admin(`/calls?path=${encodeURIComponent(path)}`)) as { calls: { query: Record<string, string> }[] }).calls;
const roster = () => db.fanRoster.findUniqueOrThrow({ where: { creatorId } });

let worker: ReturnType<typeof startWorker> | null = null;
const run = () => (worker = startWorker({ queues: ["fans.roster"], pollMs: 50, leaseMs: 1_500 }));
const waitSynced = (id = creatorId) =>
  expect
    .poll(async () => (await db.fanRoster.findUnique({ where: { creatorId: id } }))?.status, {
      timeout: 30_000,
      interval: 50,
    })
    .toBe("done");
afterEach(async () => {
  await worker?.stop();
  worker = null;
  await sb.admin("/faults", undefined, "DELETE");
  await sb.admin("/calls", undefined, "DELETE");
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

/** A part of `fan`'s name that few fans share (the search must still find them). */
function rarePart(name: string) {
  for (let len = 4; len <= name.length; len++) {
    for (let i = 0; i + len <= name.length; i++) {
      const part = name.slice(i, i + len).toLowerCase();
      if (
        part.trim().length === len &&
        world.fans.filter((f) => `${f.handle} ${f.displayName}`.toLowerCase().includes(part)).length <= 20
      )
        return part;
    }
  }
  return name.toLowerCase();
}

describe("the first full sync", () => {
  it("lists every fan 50 a page with page/size only, removes a fan who left, and search finds a fan by exact handle or part of a name", async () => {
    // A fan the roster has but Fanvue no longer lists (they left).
    await db.audienceFan.create({
      data: {
        creatorId,
        fanUuid: "0b7e3c1a-0000-4000-8000-000000000001",
        handle: "gone_fan",
        list: "followers",
        seenAt: new Date(Date.now() - 86_400_000),
        searchText: "gone_fan",
      },
    });
    const nickIdx = world.relations.findIndex((r) => r.status === "follower");
    world.relations[nickIdx]!.nickname = "Sunny Bee";
    await startRosterSync(luna.access, "first");
    run();
    await waitSynced();
    const r = await roster();
    expect(r).toMatchObject({ listed: world.fans.length, removed: 1, skippedLists: [] });
    expect(await db.audienceFan.count({ where: { creatorId } })).toBe(world.fans.length);
    const subs = world.relations.filter((x) => x.status === "subscriber").length;
    expect(await db.audienceFan.count({ where: { creatorId, list: "subscribers" } })).toBe(subs);
    for (const path of ["/subscribers", "/followers"]) {
      const log = await calls(path);
      expect(new Set(log.flatMap((c) => Object.keys(c.query))), path).toEqual(new Set(["page", "size"]));
      expect(log.every((c) => c.query.size === "50")).toBe(true);
    }
    const fan = world.fans[123]!;
    const row = await db.audienceFan.findUniqueOrThrow({
      where: { creatorId_fanUuid: { creatorId, fanUuid: fan.uuid } },
    });
    expect(row.registeredAt?.getTime()).toBe(fan.registeredAt);

    const byHandle = await listFans(luna.access, q({ search: `@${fan.handle}` }), luna.user);
    expect(byHandle.mode).toBe("roster");
    expect(byHandle.rows[0]!.uuid).toBe(fan.uuid);
    const part = rarePart(fan.displayName);
    const byName = await listFans(luna.access, q({ search: part.toUpperCase() }), luna.user);
    expect(byName.rows.map((x) => x.uuid)).toContain(fan.uuid);
    expect(
      byName.rows.every((x) => `${x.handle} ${x.displayName} ${x.nickname ?? ""}`.toLowerCase().includes(part)),
    ).toBe(true);
    expect(byName.total).toBe(byName.rows.length);
    const byNick = await listFans(luna.access, q({ search: "sunny b" }), luna.user);
    expect(byNick.rows.map((x) => x.uuid)).toEqual([world.fans[nickIdx]!.uuid]);
    expect((await listFans(luna.access, q({ search: "gone_fan" }), luna.user)).total).toBe(0);
    expect((await getRosterView(luna.access)).view).toMatchObject({
      status: "done",
      firstSync: false,
      fans: world.fans.length,
      progress: null,
    });
  });
});

describe("resume and degrade", () => {
  it("a full sync resumes after a crash from its checkpoint, without re-listing finished pages", async () => {
    await sb.admin("/faults", { path: "/followers", latencyMs: 150 });
    await startRosterSync(luna.access, "manual");
    // Another server process runs the job, and crashes (SIGKILL) mid-run.
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/roster-worker.ts", "1500"],
      { env: process.env, stdio: "ignore" },
    );
    await expect
      .poll(async () => (await roster()).followersPage, { timeout: 30_000, interval: 20 })
      .toBeGreaterThanOrEqual(4);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect((await roster()).status).toBe("running");
    run();
    await waitSynced();
    // Each follower page once, plus at most the 3 in flight at the crash and
    // the 2 past the end of the list (3 pages are fetched at once).
    const followerPages = Math.ceil(world.relations.filter((x) => x.status !== "subscriber").length / 50);
    expect((await calls("/followers")).length).toBeGreaterThanOrEqual(followerPages);
    expect((await calls("/followers")).length).toBeLessThanOrEqual(followerPages + 5);
    expect(await db.audienceFan.count({ where: { creatorId } })).toBe(world.fans.length);
    expect((await roster()).removed).toBe(0);
  });

  it("a list Fanvue does not give (404) is skipped: the other list syncs, its fans are kept, the page says so", async () => {
    await sb.admin("/faults", { path: "/followers", status: 404, body: { message: "Not Found" } });
    await startRosterSync(luna.access, "manual");
    run();
    await waitSynced();
    expect((await roster()).skippedLists).toEqual(["followers"]);
    expect(await db.audienceFan.count({ where: { creatorId } })).toBe(world.fans.length);
    expect((await getRosterView(luna.access)).view.unavailable).toEqual(["followers"]);
  });
});

describe("between full syncs", () => {
  it("the head check adds a new follower with 3 calls; a drifting count asks for a full sync", async () => {
    const fan = (await sb.admin("/simulate/follow", {
      creator: "luna",
      handle: "fresh_face",
      displayName: "Fresh Face",
    })) as { fanUuid: string };
    await db.fanRoster.update({
      where: { creatorId },
      data: { checkedAt: new Date(Date.now() - 3_600_000), skippedLists: [] },
    });
    const before = await roster();
    await queueRosterJob(luna.access);
    run();
    await expect
      .poll(async () => (await roster()).checkedAt!.getTime(), { timeout: 15_000, interval: 50 })
      .toBeGreaterThan(Date.now() - 10_000);
    expect((await roster()).runId).toBe(before.runId);
    expect((await calls("/followers")).length).toBe(1);
    expect((await calls("/subscribers")).length).toBe(1);
    const found = await listFans(luna.access, q({ search: "fresh_face" }), luna.user);
    expect(found.rows.map((x) => x.uuid)).toEqual([fan.fanUuid]);
    // "Newest first": fans seen since the last full sync lead the list.
    expect((await listFans(luna.access, q({ list: "followers", size: 1 }), luna.user)).rows[0]!.uuid).toBe(fan.fanUuid);
    await worker!.stop();

    // A fan the roster lost deep in the list (the head check cannot see it,
    // the counts disagree), last full sync hours ago: a full re-sync.
    const followers = world.relations.map((x, i) => [x, i] as const).filter(([x]) => x.status !== "subscriber");
    const oldest = followers.reduce((a, b) => (b[0].followedAt < a[0].followedAt ? b : a))[1];
    await db.audienceFan.delete({ where: { creatorId_fanUuid: { creatorId, fanUuid: world.fans[oldest]!.uuid } } });
    await db.fanRoster.update({
      where: { creatorId },
      data: { checkedAt: new Date(0), syncedAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    run();
    await queueRosterJob(luna.access);
    await expect.poll(async () => (await roster()).reason, { timeout: 15_000, interval: 50 }).toBe("drift");
    await waitSynced();
    expect(await db.audienceFan.count({ where: { creatorId } })).toBe(world.fans.length);
  });

  it("a signed new-follower webhook adds the fan to the roster at once (searchable)", async () => {
    const sender = {
      uuid: "0b7e3c1a-2222-4333-8444-555566667777",
      handle: "hooked_fan",
      displayName: "Hooked Fan",
      avatarUrl: null,
    };
    const rawBody = JSON.stringify({ recipientUuid: world.account.uuid, sender, timestamp: new Date().toISOString() });
    const t = Math.floor(Date.now() / 1000);
    const res = await receiveWebhook({
      rawBody,
      signature: `t=${t},v0=${expectedSignature(SECRET, t, rawBody)}`,
      event: "new-follower",
      deliveryId: "roster-1",
    });
    expect(res.status).toBe(200);
    const found = await listFans(luna.access, q({ search: "hooked" }), luna.user);
    expect(found.rows.map((x) => [x.uuid, x.list])).toEqual([[sender.uuid, "followers"]]);
  });
});

describe("agency-managed creators and the scheduler", () => {
  it("the scheduler starts a first sync for a creator without a roster; an agency's syncs through /creators/{c}/…", async () => {
    const atlas = await creatorWorkspace(sb, "atlas", "mia");
    const mia = [...sb.state.world.creators.values()].find((c) => c.account.handle === "mia")!;
    const w = run();
    await w.tick();
    await waitSynced(atlas.access.creator.id);
    expect(await db.audienceFan.count({ where: { creatorId: atlas.access.creator.id } })).toBe(mia.fans.length);
    expect((await calls("/creators/*/followers")).length).toBeGreaterThan(0);
    const fan = mia.fans[7]!;
    const found = await listFans(atlas.access, q({ search: fan.handle }), atlas.user);
    expect(found.rows[0]!.uuid).toBe(fan.uuid);
  });
});
