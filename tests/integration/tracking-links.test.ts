import { TZDate } from "@date-fns/tz";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { staffMember } from "../support/fans";
import { provisionAccount } from "../support/workspace";

// Tracking links against the sandbox, each figure equal to one this test
// reads from the sandbox's own world or computes itself from the ledger:
// - after a sync, each link's acquired counts and earnings are the sandbox's
//   (a creator's own routes and an agency's /creators/{uuid} routes), and the
//   mirrored fans are exactly the fans the sandbox attributes to the link;
// - payback is the first local day the cumulative ledger net of the link's
//   fans reaches the cost, in a zone west and one east of UTC;
// - the cost survives re-syncs and a deletion (here or on Fanvue);
// - bad input is a 400 naming its field; members without access are refused.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { syncStream } = await import("@/lib/server/earnings/sync");
const { syncTrackingLinks } = await import("@/lib/server/tracking-links/sync");
const { getTrackingLinks } = await import("@/lib/server/tracking-links/report");
const { createLink, deleteLink, setLinkCost } = await import("@/lib/server/tracking-links/actions");
const { trackingLinksLines } = await import("@/lib/server/tracking-links/csv");
const { loadCreatorRef } = await import("@/lib/server/creators/ref");
const { getCreatorAccess, hasPermission } = await import("@/lib/server/workspaces/access");
const { toErrorResponse } = await import("@/lib/server/api/errors");
const contracts = await import("@/lib/contracts/tracking-links");
const { trackingLinksQuerySchema } = await import("@/lib/schemas/tracking-links");

cleanUpBetweenTests(sb, db);

const ids: Record<string, string> = {};
let ownerId: string;
let atlasWorkspaceId: string;
const owner = { id: "", name: "Luna Owner" };

beforeAll(async () => {
  const luna = await provisionAccount(sb, "luna");
  const atlas = await provisionAccount(sb, "atlas");
  ids.luna = luna.creators.luna!.id;
  ids.mia = atlas.creators.mia!.id;
  ownerId = luna.user.id;
  owner.id = ownerId;
  atlasWorkspaceId = atlas.workspace.id;
  await syncStream(ids.luna, "earnings");
  await syncTrackingLinks(ids.luna);
  await syncTrackingLinks(ids.mia);
});

const world = (handle: string) => [...sb.state.world.creators.values()].find((c) => c.account.handle === handle)!;
/** Cents (the sandbox's and the ledger's unit, fractions allowed) → exact 1/10000 cents. */
const e4 = (x: number) => BigInt(Math.round(x * 10_000));
/** Exact 1/10000 cents → whole cents, half away from zero (as Fanvue's totals are read). */
const cents = (x: bigint) => Number((x < 0n ? x - 5_000n : x + 5_000n) / 10_000n);
const report = (handle: string, tz = "UTC") => getTrackingLinks([ids[handle]!], trackingLinksQuerySchema.parse({ tz }));

/** The sandbox's own truth per live link: the fans it attributes to it, their status, and their ledger. */
function truth(handle: string) {
  const c = world(handle);
  const out = new Map<string, { followers: number; subscribers: number; gross: bigint; net: bigint; fans: string[] }>();
  for (const l of c.trackingLinks) {
    if (l.deletedAt === null) out.set(l.uuid, { followers: 0, subscribers: 0, gross: 0n, net: 0n, fans: [] });
  }
  c.relations.forEach((r, i) => {
    const t = r.trackingLinkUuid ? out.get(r.trackingLinkUuid) : undefined;
    if (!t) return;
    t.followers++;
    if (r.subscribedAt !== null) t.subscribers++;
    t.fans.push(`${c.fans[i]!.uuid}:${r.status}`);
    for (const row of c.ledger.rowsOfFan(i)) {
      t.gross += e4(c.ledger.gross[row]!);
      t.net += e4(c.ledger.net[row]!);
    }
  });
  return out;
}

describe("the sync", () => {
  it.each(["luna", "mia"])("mirrors %s's links with the sandbox's counts and earnings", async (handle) => {
    const want = truth(handle);
    const r = await report(handle);
    const live = r.links.filter((l) => !l.deletedAt);
    expect(live.map((l) => l.uuid).sort()).toEqual([...want.keys()].sort());
    expect(want.size).toBeGreaterThanOrEqual(5);
    let withFans = 0;
    for (const l of live) {
      const t = want.get(l.uuid)!;
      expect(l.acquiredFollowers, l.name).toBe(t.followers);
      expect(l.acquiredSubscribers, l.name).toBe(t.subscribers);
      expect(l.earnings, l.name).toEqual({ gross: cents(t.gross), net: cents(t.net) });
      expect(l.linkUrl).toBe(world(handle).trackingLinks.find((x) => x.uuid === l.uuid)!.linkUrl);
      if (t.followers > 0) withFans++;
    }
    expect(withFans).toBeGreaterThan(0);
    expect(r.sync.state).toBe("idle");
    expect(r.sync.lastSyncedAt).not.toBeNull();
  });

  it.each(["luna", "mia"])("mirrors exactly the fans the sandbox attributes to each of %s's links", async (handle) => {
    for (const [uuid, t] of truth(handle)) {
      const rows = await db.trackingLinkFan.findMany({ where: { creatorId: ids[handle]!, linkUuid: uuid } });
      expect(rows.map((f) => `${f.fanUuid}:${f.status}`).sort(), uuid).toEqual([...t.fans].sort());
    }
  });

  it("reads an agency creator's links through /creators/{uuid}/tracking-links, with documented parameters only", async () => {
    await syncTrackingLinks(ids.mia!);
    const paths = sb.state.calls.map((c) => c.path).filter((p) => p.includes("tracking-links"));
    const miaUuid = world("mia").account.uuid;
    expect(paths.length).toBeGreaterThan(1);
    for (const p of paths) expect(p.startsWith(`/creators/${miaUuid}/tracking-links`), p).toBe(true);
    expect(sb.state.calls.filter((c) => c.undocumented?.length)).toEqual([]);
  });
});

/** The first local day on which the cumulative net of the link's fans (since its creation) reaches `cost`. */
async function expectedPayback(creatorId: string, uuid: string, cost: number, tz: string) {
  const link = await db.trackingLink.findUniqueOrThrow({ where: { creatorId_uuid: { creatorId, uuid } } });
  const fans = await db.trackingLinkFan.findMany({ where: { creatorId, linkUuid: uuid } });
  const rows = await db.earningRow.findMany({
    where: { creatorId, fanUuid: { in: fans.map((f) => f.fanUuid) }, occurredAt: { gte: link.createdAt } },
    orderBy: { occurredAt: "asc" },
  });
  const day = (d: Date) => {
    const z = new TZDate(d.getTime(), tz);
    return `${z.getFullYear()}-${String(z.getMonth() + 1).padStart(2, "0")}-${String(z.getDate()).padStart(2, "0")}`;
  };
  const byDay = new Map<string, bigint>();
  for (const r of rows) byDay.set(day(r.occurredAt), (byDay.get(day(r.occurredAt)) ?? 0n) + e4(Number(r.net)));
  let sum = 0n;
  for (const [d, net] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    sum += net;
    if (sum >= BigInt(cost) * 10_000n) return { day: d, rows };
  }
  return { day: null, rows };
}

/** A cost reached by one row whose local day differs between the zones, so the zone matters. */
async function zoneSensitiveCost(creatorId: string, uuid: string) {
  const { rows } = await expectedPayback(creatorId, uuid, Number.MAX_SAFE_INTEGER, "UTC");
  let sum = 0n;
  for (const r of rows) {
    sum += e4(Number(r.net));
    const la = new TZDate(r.occurredAt.getTime(), "America/Los_Angeles").getDate();
    const kol = new TZDate(r.occurredAt.getTime(), "Asia/Kolkata").getDate();
    if (la !== kol && sum > 100n * 10_000n) return Number(sum / 10_000n);
  }
  throw new Error("no row whose day differs between the zones");
}

describe("payback, ROI and the figures a cost gives", () => {
  const busiest = async () => {
    const r = await report("luna");
    return [...r.links].filter((l) => !l.deletedAt).sort((a, b) => b.ledgerNet - a.ledgerNet)[0]!;
  };

  it.each(["America/Los_Angeles", "Asia/Kolkata"])("payback day is the test's own in %s", async (tz) => {
    const link = await busiest();
    const cost = await zoneSensitiveCost(ids.luna!, link.uuid);
    await setLinkCost((await loadCreatorRef(ids.luna!))!, owner, link.uuid, { costCents: cost, note: "test" });
    const want = await expectedPayback(ids.luna!, link.uuid, cost, tz);
    expect(want.day).not.toBeNull();
    const got = (await report("luna", tz)).links.find((l) => l.uuid === link.uuid)!;
    expect(got.paybackDay).toBe(want.day);
    const exact = want.rows.reduce((s, r) => s + e4(Number(r.net)), 0n);
    expect(got.ledgerNet).toBe(cents(exact));
  });

  it("the zones give different days for that cost (the test can tell them apart)", async () => {
    const link = await busiest();
    const cost = await zoneSensitiveCost(ids.luna!, link.uuid);
    const la = await expectedPayback(ids.luna!, link.uuid, cost, "America/Los_Angeles");
    const kol = await expectedPayback(ids.luna!, link.uuid, cost, "Asia/Kolkata");
    expect(la.day).not.toBe(kol.day);
  });

  it("a cost above the ledger's net is 'not yet'; ROI and costs per subscriber and click follow the cost", async () => {
    const link = await busiest();
    const cost = link.ledgerNet + 1;
    await setLinkCost((await loadCreatorRef(ids.luna!))!, owner, link.uuid, { costCents: cost, note: null });
    const got = (await report("luna", "Asia/Kolkata")).links.find((l) => l.uuid === link.uuid)!;
    expect(got.paybackDay).toBeNull();
    expect(got.cost?.cents).toBe(cost);
    expect(got.cost?.setBy).toBe(owner.name);
    expect(got.roi).toBeCloseTo((got.earnings!.net! - cost) / cost, 12);
    expect(got.costPerClick).toBe(Math.round(cost / got.clicks));
    expect(got.costPerSubscriber).toBe(got.acquiredSubscribers ? Math.round(cost / got.acquiredSubscribers) : null);
    // The CSV has the table's row, with the same cost and ROI.
    const csv = trackingLinksLines(await report("luna", "Asia/Kolkata"), "@luna");
    const line = csv.find((l) => l.includes(`,${link.linkUrl},`))!;
    expect(line.split(",")[12]).toBe((cost / 100).toFixed(2));
    expect(line.split(",")[17]).toBe("not yet");
  });
});

describe("create, delete and the cost", () => {
  it("creates a link on Fanvue and in the table; deleting keeps its row and cost across re-syncs", async () => {
    const ref = (await loadCreatorRef(ids.luna!))!;
    const made = await createLink(ref, { name: "Spring promo", platform: "tiktok" });
    const onFanvue = world("luna").trackingLinks.find((l) => l.uuid === made.uuid)!;
    expect(onFanvue).toMatchObject({ name: "Spring promo", externalSocialPlatform: "tiktok", deletedAt: null });
    expect(made.linkUrl).toBe(onFanvue.linkUrl);
    await setLinkCost(ref, owner, made.uuid, { costCents: 2500, note: "Boosted post" });
    await syncTrackingLinks(ids.luna!);
    expect((await report("luna")).links.find((l) => l.uuid === made.uuid)?.cost).toMatchObject({ cents: 2500 });
    await deleteLink(ref, made.uuid);
    expect(onFanvue.deletedAt).not.toBeNull();
    await syncTrackingLinks(ids.luna!);
    const after = (await report("luna")).links.find((l) => l.uuid === made.uuid)!;
    expect(after.deletedAt).not.toBeNull();
    expect(after.cost).toMatchObject({ cents: 2500, note: "Boosted post" });
  });

  it("a link deleted on Fanvue is marked deleted by the next sync, with its cost and fans kept", async () => {
    const ref = (await loadCreatorRef(ids.luna!))!;
    const [uuid, t] = [...truth("luna")].find(([, x]) => x.followers > 0)!;
    await setLinkCost(ref, owner, uuid, { costCents: 999, note: null });
    world("luna").trackingLinks.find((l) => l.uuid === uuid)!.deletedAt = Date.now();
    await syncTrackingLinks(ids.luna!);
    const row = (await report("luna")).links.find((l) => l.uuid === uuid)!;
    expect(row.deletedAt).not.toBeNull();
    expect(row.cost?.cents).toBe(999);
    expect(row.fans).toBe(t.followers);
  });

  it("clearing the cost clears who set it", async () => {
    const ref = (await loadCreatorRef(ids.luna!))!;
    const uuid = (await report("luna")).links[0]!.uuid;
    await setLinkCost(ref, owner, uuid, { costCents: 100, note: "x" });
    await setLinkCost(ref, owner, uuid, { costCents: null, note: "ignored" });
    const row = await db.trackingLink.findUniqueOrThrow({ where: { creatorId_uuid: { creatorId: ids.luna!, uuid } } });
    expect([row.costCents, row.costNote, row.costSetBy, row.costSetAt]).toEqual([null, null, null, null]);
  });
});

/** What the route wrapper answers for a body its contract refuses. */
async function answerFor(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, body: unknown) {
  const r = schema.safeParse(body);
  expect(r.success).toBe(false);
  const res = toErrorResponse(r.error, "test");
  return { status: res.status, ...((await res.json()) as { error: { code: string; field?: string } }).error };
}

describe("bad input and access", () => {
  it.each([
    [{ name: "", platform: "instagram" }, "name"],
    [{ name: "x".repeat(101), platform: "instagram" }, "name"],
    [{ name: "Bio", platform: "myspace" }, "platform"],
    [{ platform: "reddit" }, "name"],
  ])("create %j is a 400 naming %s", async (body, field) => {
    expect(await answerFor(contracts.trackingLinkCreate.body, body)).toMatchObject({ status: 400, field });
  });

  it.each([
    [{ costCents: 12.5 }, "costCents"],
    [{ costCents: -1 }, "costCents"],
    [{ costCents: "12.50" }, "costCents"],
    [{ costCents: 100, note: "n".repeat(201) }, "note"],
  ])("cost %j is a 400 naming %s", async (body, field) => {
    expect(await answerFor(contracts.trackingLinkCost.body, body)).toMatchObject({ status: 400, field });
  });

  it("a cost for a link the creator does not have is a 404", async () => {
    const ref = (await loadCreatorRef(ids.luna!))!;
    await expect(setLinkCost(ref, owner, "no-such-link", { costCents: 1, note: null })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("members without access are refused: another workspace's owner (404), a viewer or chatter (403)", async () => {
    // The wrapper answers 404 when there is no access, 403 when the role lacks the contract's permission.
    expect(await getCreatorAccess(ownerId, ids.mia!)).toBeNull();
    const viewer = await staffMember(atlasWorkspaceId, ids.mia!, "viewer", "Vera Viewer");
    expect(hasPermission(viewer.access, contracts.trackingLinks.permission)).toBe(true);
    expect(hasPermission(viewer.access, contracts.trackingLinkCreate.permission)).toBe(false);
    expect(hasPermission(viewer.access, contracts.trackingLinkCost.permission)).toBe(false);
    expect(hasPermission(viewer.access, contracts.trackingLinkDelete.permission)).toBe(false);
    const chatter = await staffMember(atlasWorkspaceId, ids.mia!, "chatter", "Cory Chatter");
    expect(hasPermission(chatter.access, contracts.trackingLinks.permission)).toBe(false);
    expect(hasPermission(chatter.access, contracts.trackingLinksExport.permission)).toBe(false);
  });
});
