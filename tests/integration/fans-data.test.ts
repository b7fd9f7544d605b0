import { afterAll, afterEach, describe, expect, it } from "vitest";
import { creatorWorkspace, staffMember } from "../support/fans";
import { startTestSandbox } from "../support/sandbox";

// The subscribers table (live mode), the fan panel, notes and tags, segment
// validation, audit of staff views, and agency-managed creators.
const sb = await startTestSandbox({ soloFans: 300 });
const { db } = await import("@/lib/server/db");
const { listFans } = await import("@/lib/server/fans/table");
const { getFanPanel } = await import("@/lib/server/fans/panel");
const { addNote, addTag, removeTag, updateNote, listTags } = await import("@/lib/server/fans/notes-tags");
const { createSegment } = await import("@/lib/server/fans/segments");
const { startAnalysis } = await import("@/lib/server/fans/analysis/analysis");
const { getForecast } = await import("@/lib/server/fans/forecast");
const { fansQuerySchema } = await import("@/lib/schemas/fans");

const luna = await creatorWorkspace(sb, "luna");
const world = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!;
const mia = [...sb.state.world.accounts.values()].find((a) => a.handle === "mia")!;
const q = (extra: Record<string, unknown> = {}) => fansQuerySchema.parse(extra);
const batchCalls = async () =>
  ((await sb.admin(`/calls?summary=1&path=${encodeURIComponent("/insights/fans/batch")}`)) as { total: number }).total;

afterEach(async () => {
  await sb.admin("/calls", undefined, "DELETE");
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("subscribers table (live from Fanvue until the roster is synced)", () => {
  it("pages Fanvue's list server-side, fills the insight columns in one batch call, searches the roster", async () => {
    const page = await listFans(luna.access, q({ list: "subscribers", size: 25 }), luna.user);
    expect(page.mode).toBe("live");
    // The first look started the roster's first sync (no worker runs in this file).
    expect(page.roster).toMatchObject({ status: "running", firstSync: true });
    expect(page.rows).toHaveLength(25);
    expect(page.hasMore).toBe(true);
    expect(await batchCalls()).toBe(1);
    expect(page.rows.every((r) => r.insight.state === "ok" && r.insight.data!.status !== "follower")).toBe(true);
    const second = await listFans(luna.access, q({ list: "subscribers", size: 25, page: 2 }), luna.user);
    expect(second.rows[0]!.uuid).not.toBe(page.rows[0]!.uuid);
    const someone = page.rows[3]!;
    // Search runs on the roster (so far: the fans these pages showed), exact handle first.
    const found = await listFans(
      luna.access,
      q({ list: "subscribers", search: `@${someone.handle.toUpperCase()}` }),
      luna.user,
    );
    expect(found.mode).toBe("roster");
    expect(found.rows[0]!.uuid).toBe(someone.uuid);
    // Fanvue's list was asked for page and size only.
    const log = (await sb.admin(`/calls?path=${encodeURIComponent("/subscribers")}`)) as {
      calls: { query: Record<string, string> }[];
    };
    expect(new Set(log.calls.flatMap((c) => Object.keys(c.query)))).toEqual(new Set(["page", "size"]));
  });

  it("when Fanvue's list fails, the roster stands in (degrade, never block)", async () => {
    await sb.admin("/faults", { path: "/subscribers", status: 500 });
    try {
      const page = await listFans(luna.access, q({ list: "subscribers", size: 25 }), luna.user);
      expect(page.mode).toBe("roster");
      expect(page.roster.firstSync).toBe(true);
      // The fans the earlier live pages showed, from the roster.
      expect(page.rows.length).toBeGreaterThan(0);
      expect(page.total).toBe(
        await db.audienceFan.count({ where: { creatorId: luna.creator.id, list: "subscribers" } }),
      );
    } finally {
      await sb.admin("/faults", undefined, "DELETE");
    }
  });

  it("refuses bad input with a message naming it", () => {
    expect(() => q({ size: "51" })).toThrow(/size must be at most 50/);
    expect(() => q({ sort: "shoe" })).toThrow();
  });
});

describe("fan panel, notes and tags", () => {
  const fan = world.fans[0]!.uuid;

  it("shows the fan's insights; a non-fan is a 404 naming the creator, never zeros; a forbidden one is only 'not visible'", async () => {
    const panel = await getFanPanel(luna.access, fan, luna.user);
    expect(panel.insight.state).toBe("ok");
    const truth = (await sb.admin(`/truth/fans/${fan}?creator=luna`)) as { gross: number };
    expect(panel.insight.data!.totalGross).toBe(truth.gross);
    await expect(getFanPanel(luna.access, "0f0f0f0f-1111-4222-8333-444455556666", luna.user)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("Not a fan of @luna"),
    });
    // Fanvue answers `forbidden` (another creator's account): nothing more is claimed.
    await expect(getFanPanel(luna.access, mia.uuid.toLowerCase(), luna.user)).rejects.toMatchObject({
      code: "not_found",
      message: "Not visible to this account.",
    });
  });

  it("notes and tags are stored, shown in the panel and filterable in the table", async () => {
    const note = await addNote(luna.access, fan, "Likes cats; prefers evening messages", luna.user);
    await addTag(luna.access, fan, "vip", luna.user);
    await addTag(luna.access, fan, "vip", luna.user);
    const panel = await getFanPanel(luna.access, fan, luna.user);
    expect(panel.notes.map((n) => n.body)).toEqual(["Likes cats; prefers evening messages"]);
    expect(panel.tags).toEqual(["vip"]);
    expect(await listTags(luna.access.creator.id)).toEqual([{ tag: "vip", fans: 1 }]);
    const tagged = await listFans(luna.access, q({ list: "all", tag: "vip" }), luna.user);
    expect(tagged.mode).toBe("roster");
    expect(tagged.rows.map((r) => r.uuid)).toEqual([fan]);
    expect(tagged.rows[0]!.tags).toEqual(["vip"]);
    // Someone else's note: a chatter cannot change it.
    const chatter = await staffMember(luna.workspace.id, luna.creator.id, "chatter", "Chatty");
    await expect(updateNote(chatter.access, fan, note.id, "x", chatter.user)).rejects.toMatchObject({
      code: "forbidden",
    });
    await removeTag(luna.access, fan, "vip");
    expect((await listFans(luna.access, q({ list: "all", tag: "vip" }), luna.user)).rows).toEqual([]);
  });

  it("writes on a non-fan are refused with 404", async () => {
    await expect(addTag(luna.access, mia.uuid.toLowerCase(), "vip", luna.user)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(addNote(luna.access, "0f0f0f0f-1111-4222-8333-444455556666", "hi", luna.user)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("staff looks at a fan's spending are audit-logged once per window; the owner's are not", async () => {
    const viewer = await staffMember(luna.workspace.id, luna.creator.id, "viewer", "Vera Viewer");
    await getFanPanel(viewer.access, fan, viewer.user);
    await getFanPanel(viewer.access, fan, viewer.user);
    await getFanPanel(luna.access, fan, luna.user);
    const events = await db.auditEvent.findMany({ where: { action: "fan.insights.view", target: fan } });
    expect(events.map((e) => e.actorUserId)).toEqual([viewer.user.id]);
  });
});

describe("segments", () => {
  it("unknown or bad segment parameters are a 400 naming the parameter; unknown segments a 404", async () => {
    await expect(
      listFans(luna.access, q({ segment: "top_spenders", "seg.percnt": "5" }), luna.user),
    ).rejects.toMatchObject({ code: "invalid_input", extra: { field: "seg.percnt" } });
    await expect(listFans(luna.access, q({ segment: "spent_over" }), luna.user)).rejects.toMatchObject({
      code: "invalid_input",
      extra: { field: "seg.amount" },
    });
    await expect(
      listFans(luna.access, q({ segment: "renewing_soon", "seg.days": "-3" }), luna.user),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(listFans(luna.access, q({ segment: "whales" }), luna.user)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("top_spenders"),
    });
    await expect(
      createSegment(luna.creator.id, { name: "x", kind: "auto_renew_off", params: { days: 3 } }, "Luna"),
    ).rejects.toMatchObject({ extra: { field: "params.days" } });
  });

  it("a saved segment is applied by id", async () => {
    const seg = await createSegment(
      luna.creator.id,
      { name: "Big spenders", kind: "spent_over", params: { amount: 1 } },
      "Luna",
    );
    const page = await listFans(luna.access, q({ list: "all", segment: seg.id }), luna.user);
    expect(page.segment).toMatchObject({ id: seg.id, name: "Big spenders", kind: "spent_over" });
    expect(page.rows.every((r) => (r.insight.data?.totalGross ?? 0) > 1)).toBe(true);
    await expect(
      createSegment(luna.creator.id, { name: "Big spenders", kind: "auto_renew_off", params: {} }, "Luna"),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("agency-managed creators", () => {
  it("tables work through /creators/{c}/…; spending says it is unavailable instead of zeros; no analysis", async () => {
    const atlas = await creatorWorkspace(sb, "atlas", "mia");
    const page = await listFans(atlas.access, q({ list: "subscribers", size: 10 }), atlas.user);
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.insightsAvailable).toBe(false);
    expect(page.rows.every((r) => r.insight.state === "unsupported" && r.insight.data === null)).toBe(true);
    expect(await batchCalls()).toBe(0);
    const panel = await getFanPanel(atlas.access, page.rows[0]!.uuid, atlas.user);
    expect(panel.insight.error?.message).toMatch(/not available for agency-managed creators/);
    await expect(startAnalysis(atlas.access)).rejects.toMatchObject({ code: "conflict" });
    expect((await getForecast(atlas.access, { tz: "UTC", days: 30 })).insightsAvailable).toBe(false);
  });

  it("an unknown time zone is a 400 naming it", async () => {
    await expect(getForecast(luna.access, { tz: "Mars/Olympus", days: 30 })).rejects.toMatchObject({
      code: "invalid_input",
      extra: { field: "tz" },
    });
  });
});
