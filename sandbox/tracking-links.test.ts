import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startContentSandbox, type Harness } from "./api/content-testing";

let h: Harness;
let luna: string;
const LINK_KEYS = [
  "clicks",
  "createdAt",
  "earnings",
  "engagement",
  "externalSocialPlatform",
  "linkUrl",
  "name",
  "uuid",
];

beforeAll(async () => {
  h = await startContentSandbox(150);
  luna = await h.token("luna");
});
afterAll(() => h.close());
beforeEach(() => h.sb.state.buckets.clear());

/** Follows nextCursor to the end, checking the cursor envelope. */
async function allCursor(token: string, path: string, limit = 2) {
  const out: any[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const res: { status: number; body: any } = await h.json(
      token,
      "GET",
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["data", "nextCursor"]);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
    if (cursor === null) return out;
  }
  throw new Error("cursor never ended");
}

/** What the link's numbers must be, computed independently from the world. */
function expected(handle: string, linkUuid: string) {
  const c = h.creator(handle);
  const fans = c.relations.map((r, i) => ({ r, i })).filter(({ r }) => r.trackingLinkUuid === linkUuid);
  let gross = 0;
  let net = 0;
  for (const { i } of fans) {
    for (const row of c.ledger.rowsOfFan(i)) {
      gross += c.ledger.row(row).gross;
      net += c.ledger.row(row).net;
    }
  }
  const subs = fans.filter(({ r }) => r.status === "subscriber").length;
  return {
    engagement: {
      acquiredFollowers: fans.length,
      acquiredSubscribers: fans.filter(({ r }) => r.subscribedAt !== null).length,
      totalFollowers: fans.length - subs,
      totalSubscribers: subs,
    },
    earnings: { totalGross: gross, totalNet: net },
    fans,
  };
}

describe("GET /tracking-links", () => {
  it("pages with limit + nextCursor, newest first, with engagement and earnings from the attributed fans", async () => {
    const first = await h.json(luna, "GET", "/tracking-links");
    expect(first.status).toBe(200);
    expect(first.body.nextCursor).toBeNull();
    expect(first.body).not.toHaveProperty("pagination");
    const links = await allCursor(luna, "/tracking-links");
    expect(links).toHaveLength(h.creator("luna").trackingLinks.length);
    expect(links.map((l) => l.uuid)).toEqual(first.body.data.map((l: { uuid: string }) => l.uuid));
    const times = links.map((l) => Date.parse(l.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    let anyEarnings = false;
    for (const l of links) {
      expect(Object.keys(l).sort()).toEqual(LINK_KEYS);
      const e = expected("luna", l.uuid);
      expect(l.engagement).toEqual(e.engagement);
      expect(l.earnings).toEqual(e.earnings);
      if (l.earnings.totalGross > 0) anyEarnings = true;
    }
    expect(anyEarnings).toBe(true);
  });

  it("filters by createdAfter / createdBefore", async () => {
    const all = (await h.json(luna, "GET", "/tracking-links")).body.data;
    const pivot = all[2].createdAt;
    const after = (await h.json(luna, "GET", `/tracking-links?createdAfter=${pivot}`)).body.data;
    const before = (await h.json(luna, "GET", `/tracking-links?createdBefore=${pivot}`)).body.data;
    expect(after.map((l: { uuid: string }) => l.uuid)).toEqual(all.slice(0, 2).map((l: { uuid: string }) => l.uuid));
    expect(before.map((l: { uuid: string }) => l.uuid)).toEqual(all.slice(3).map((l: { uuid: string }) => l.uuid));
  });

  it.each([
    ["/tracking-links?limit=0", "limit must be an integer between 1 and 50"],
    ["/tracking-links?limit=51", "limit must be an integer between 1 and 50"],
    ["/tracking-links?cursor=garbage", "cursor is invalid"],
    ["/tracking-links?createdAfter=yesterday", "createdAfter must be an ISO 8601 date-time"],
  ])("answers %s with 400", async (path, message) => {
    expect(await h.json(luna, "GET", path)).toEqual({ status: 400, body: { errors: [message] } });
  });
});

describe("POST and DELETE /tracking-links", () => {
  it("creates a link (201) that leads the list, and soft-deletes it (204, then hidden and 404)", async () => {
    const res = await h.json(luna, "POST", "/tracking-links", {
      name: "Spring promo",
      externalSocialPlatform: "youtube",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "Spring promo",
      externalSocialPlatform: "youtube",
      clicks: 0,
      engagement: { acquiredFollowers: 0, acquiredSubscribers: 0, totalFollowers: 0, totalSubscribers: 0 },
      earnings: { totalGross: 0, totalNet: 0 },
    });
    expect(res.body.linkUrl).toMatch(/^luna-[0-9a-z]+$/);
    expect((await h.json(luna, "GET", "/tracking-links")).body.data[0].uuid).toBe(res.body.uuid);
    expect((await h.call(luna, "DELETE", `/tracking-links/${res.body.uuid}`)).status).toBe(204);
    const after = (await h.json(luna, "GET", "/tracking-links")).body.data;
    expect(after.some((l: { uuid: string }) => l.uuid === res.body.uuid)).toBe(false);
    expect(h.creator("luna").trackingLinks.find((l) => l.uuid === res.body.uuid)!.deletedAt).not.toBeNull();
    expect(await h.json(luna, "DELETE", `/tracking-links/${res.body.uuid}`)).toEqual({
      status: 404,
      body: { message: "Tracking link not found" },
    });
    expect((await h.json(luna, "GET", `/tracking-links/${res.body.uuid}/users`)).status).toBe(404);
    expect(await h.json(luna, "DELETE", "/tracking-links/abc")).toEqual({
      status: 400,
      body: { message: "uuid must be a valid UUID" },
    });
  });

  it.each([
    [{ externalSocialPlatform: "tiktok" }, "name is required"],
    [{ name: "x".repeat(101), externalSocialPlatform: "tiktok" }, "name must be at most 100 characters"],
    [{ name: "x" }, "externalSocialPlatform is required"],
    [
      { name: "x", externalSocialPlatform: "myspace" },
      "externalSocialPlatform must be one of: facebook, instagram, other, reddit, snapchat, tiktok, twitter, youtube",
    ],
    ["{", "body must be valid JSON"],
  ])("rejects %j", async (body, message) => {
    expect(await h.json(luna, "POST", "/tracking-links", body)).toEqual({ status: 400, body: { errors: [message] } });
  });

  it("needs read:tracking_links to read and write:tracking_links to write", async () => {
    const readOnly = await h.token("luna", ["read:tracking_links"]);
    expect((await h.json(readOnly, "GET", "/tracking-links")).status).toBe(200);
    const denied = await h.json(readOnly, "POST", "/tracking-links", { name: "x", externalSocialPlatform: "other" });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatch(/write:tracking_links/);
    const none = await h.token("luna", ["read:self"]);
    expect((await h.json(none, "GET", "/tracking-links")).body.error).toMatch(/read:tracking_links/);
  });
});

describe("tracking-link users and metadata", () => {
  it("lists the attributed fans with their status and serves per-fan metadata", async () => {
    const c = h.creator("luna");
    const link = [...c.trackingLinks].sort(
      (a, b) => expected("luna", b.uuid).fans.length - expected("luna", a.uuid).fans.length,
    )[0]!;
    const e = expected("luna", link.uuid);
    expect(e.fans.length).toBeGreaterThan(1);
    const users = await allCursor(luna, `/tracking-links/${link.uuid}/users`, 3);
    expect(users.map((u) => u.uuid).sort()).toEqual(e.fans.map(({ i }) => c.fans[i]!.uuid).sort());
    for (const u of users) {
      const idx = c.fanIndex.get(u.uuid)!;
      expect(u).toMatchObject({ handle: c.fans[idx]!.handle, status: c.relations[idx]!.status });
      expect(Object.keys(u)).toEqual(
        expect.arrayContaining([
          "uuid",
          "handle",
          "displayName",
          "nickname",
          "isTopSpender",
          "avatarUrl",
          "registeredAt",
          "status",
        ]),
      );
    }
    const [withMeta, withoutMeta] = [e.fans[0]!.i, e.fans[1]!.i];
    link.metadata.set(withMeta, { utm_source: "bio" });
    link.metadata.delete(withoutMeta);
    const meta = await h.json(luna, "GET", `/tracking-links/${link.uuid}/users/${c.fans[withMeta]!.uuid}/metadata`);
    expect(meta).toEqual({ status: 200, body: { metadata: { utm_source: "bio" } } });
    expect(
      (await h.json(luna, "GET", `/tracking-links/${link.uuid}/users/${c.fans[withoutMeta]!.uuid}/metadata`)).body,
    ).toEqual({ metadata: null });
    const stranger = c.relations.findIndex((r) => r.trackingLinkUuid !== link.uuid);
    expect(
      (await h.json(luna, "GET", `/tracking-links/${link.uuid}/users/${c.fans[stranger]!.uuid}/metadata`)).status,
    ).toBe(404);
    expect((await h.json(luna, "GET", `/tracking-links/${link.uuid}/users/bad/metadata`)).body).toEqual({
      message: "userUuid must be a valid UUID",
    });
  });
});

describe("creator-scoped tracking links (agency)", () => {
  it("reads and writes a managed creator's links; refuses outsiders and missing creator scopes", async () => {
    const atlas = await h.token("atlas");
    const nova = h.uuidOf("nova");
    const list = await h.json(atlas, "GET", `/creators/${nova}/tracking-links?limit=50`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((l: { uuid: string }) => l.uuid).sort()).toEqual(
      h
        .creator("nova")
        .trackingLinks.map((l) => l.uuid)
        .sort(),
    );
    const created = await h.json(atlas, "POST", `/creators/${nova}/tracking-links`, {
      name: "Agency link",
      externalSocialPlatform: "reddit",
    });
    expect(created.status).toBe(201);
    expect(created.body.linkUrl).toMatch(/^nova-/);
    expect((await h.call(atlas, "DELETE", `/creators/${nova}/tracking-links/${created.body.uuid}`)).status).toBe(204);
    expect(await h.json(atlas, "GET", `/creators/${h.uuidOf("luna")}/tracking-links`)).toEqual({
      status: 403,
      body: { error: "Creator is not part of your agency" },
    });
    const noCreator = await h.token("atlas", ["read:tracking_links", "write:tracking_links"]);
    expect((await h.json(noCreator, "GET", `/creators/${nova}/tracking-links`)).body.error).toMatch(/read:creator/);
    const readCreator = await h.token("atlas", ["read:creator", "write:tracking_links"]);
    const denied = await h.json(readCreator, "POST", `/creators/${nova}/tracking-links`, {
      name: "x",
      externalSocialPlatform: "other",
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatch(/write:creator/);
  });
});
