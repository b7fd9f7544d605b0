import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { allPages, lenient, startContentSandbox, undocumentedBody, type Harness } from "./api/content-testing";

let h: Harness;
let luna: string;
const POST_KEYS = [
  "audience",
  "collections",
  "commentsCount",
  "createdAt",
  "expiresAt",
  "isPinned",
  "likesCount",
  "mediaPreviewUuid",
  "mediaUuids",
  "price",
  "publishAt",
  "publishedAt",
  "text",
  "tips",
  "uuid",
];

beforeAll(async () => {
  h = await startContentSandbox();
  luna = await h.token("luna");
});
afterAll(() => h.close());
beforeEach(() => h.sb.state.buckets.clear());

const readyImage = (handle: string, skip = 0) =>
  h.creator(handle).media.filter((m) => m.status === "ready" && m.mediaType === "image")[skip]!.uuid;
const hourFromNow = (hours: number) => new Date(h.sb.state.clock.now() + hours * 3_600_000).toISOString();
const counts = async () => (await h.json(luna, "GET", "/users/me")).body.contentCounts;

describe("GET /posts", () => {
  it("pages every post, pinned first, then newest publication first, scheduled ones with publishedAt null", async () => {
    const first = await h.json(luna, "GET", "/posts?size=5");
    expect(first.status).toBe(200);
    expect(first.body.pagination).toEqual({ page: 1, size: 5, hasMore: true });
    expect(Object.keys(first.body.data[0]).sort()).toEqual(POST_KEYS);
    const all = await allPages(h, luna, "/posts");
    expect(all).toHaveLength(h.creator("luna").posts.length);
    expect(all[0].isPinned).toBe(true);
    expect(all.slice(1).every((p) => !p.isPinned)).toBe(true);
    const when = all.slice(1).map((p) => Date.parse(p.publishedAt ?? p.publishAt));
    expect(when).toEqual([...when].sort((a, b) => b - a));
    const scheduled = all.filter((p) => p.publishedAt === null);
    expect(scheduled.length).toBeGreaterThan(0);
    for (const p of scheduled) expect(Date.parse(p.publishAt)).toBeGreaterThan(h.sb.state.clock.now());
  });

  it("leaves scheduled posts out with includeUnpublished=false", async () => {
    const all = await allPages(h, luna, "/posts");
    const published = await allPages(h, luna, "/posts?includeUnpublished=false");
    expect(published.map((p) => p.uuid)).toEqual(all.filter((p) => p.publishedAt !== null).map((p) => p.uuid));
    expect(published.length).toBeLessThan(all.length);
    expect((await allPages(h, luna, "/posts?includeUnpublished=true")).length).toBe(all.length);
  });

  it("rejects out-of-range paging and values outside the documented enum", async () => {
    expect(await h.json(luna, "GET", "/posts?size=51")).toEqual({
      status: 400,
      body: { errors: ["size must be at most 50"] },
    });
    expect(await h.json(luna, "GET", "/posts?includeUnpublished=yes")).toEqual({
      status: 400,
      body: { errors: ["includeUnpublished must be one of: true, false"] },
    });
  });

  it("ignores an undocumented filter (lenient) and refuses it naming it (strict)", async () => {
    const plain = await h.json(luna, "GET", "/posts?size=10");
    const { result, undocumented } = await lenient(h, () => h.json(luna, "GET", "/posts?size=10&status=scheduled"));
    expect(result).toEqual(plain);
    expect(undocumented).toEqual(["query.status"]);
    expect(await h.json(luna, "GET", "/posts?status=scheduled")).toEqual({
      status: 400,
      body: undocumentedBody(["query.status"], "GET /posts"),
    });
  });

  it("needs read:post and a creator account", async () => {
    const narrow = await h.token("luna", ["read:self"]);
    const res = await h.json(narrow, "GET", "/posts");
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/read:post/);
    expect((await h.json(await h.token("atlas"), "GET", "/posts")).status).toBe(403);
  });
});

describe("GET /posts/{uuid} and its tips, likes and comments", () => {
  it("derives likes, comments and tips from the world, including a new tip row", async () => {
    const c = h.creator("luna");
    const post = c.posts.find((p) => p.publishedAt !== null && p.likes.length > 0)!;
    const before = (await h.json(luna, "GET", `/posts/${post.uuid}`)).body;
    expect(before.likesCount).toBe(post.likes.length);
    expect(before.commentsCount).toBe(post.comments.length);
    c.ledger.append(h.sb.state.clock.now(), 700, 560, "tip", 3, post.uuid);
    const after = (await h.json(luna, "GET", `/posts/${post.uuid}`)).body;
    expect(after.tips).toEqual({
      count: before.tips.count + 1,
      totalGross: before.tips.totalGross + 700,
      totalNet: before.tips.totalNet + 560,
    });
    const tips = await allPages(h, luna, `/posts/${post.uuid}/tips`);
    expect(tips).toHaveLength(after.tips.count);
    expect(tips.reduce((n, t) => n + t.gross, 0)).toBe(after.tips.totalGross);
    expect(tips[0]).toMatchObject({ gross: 700, net: 560, user: { uuid: c.fans[3]!.uuid, handle: c.fans[3]!.handle } });
    const likes = await allPages(h, luna, `/posts/${post.uuid}/likes`);
    expect(likes).toHaveLength(post.likes.length);
    expect(Object.keys(likes[0]).sort()).toEqual(["createdAt", "user"]);
    expect(Object.keys(likes[0].user)).toContain("registeredAt");
  });

  it("lists comments with the reduced user shape", async () => {
    const post = h.creator("luna").posts.find((p) => p.comments.length > 0)!;
    const res = await h.json(luna, "GET", `/posts/${post.uuid}/comments`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(post.comments.length);
    expect(Object.keys(res.body.data[0]).sort()).toEqual(["createdAt", "text", "updatedAt", "user", "uuid"]);
    expect(Object.keys(res.body.data[0].user).sort()).toEqual([
      "displayName",
      "handle",
      "isTopSpender",
      "nickname",
      "uuid",
    ]);
  });

  it("answers 404 for unknown posts (also another creator's) and 400 for malformed uuids", async () => {
    const other = h.creator("mia").posts[0]!.uuid;
    for (const path of [
      `/posts/${other}`,
      `/posts/${other}/tips`,
      "/posts/00000000-0000-4000-8000-000000000000/likes",
    ]) {
      const res = await h.json(luna, "GET", path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ message: "Post not found" });
    }
    const bad = await h.json(luna, "GET", "/posts/not-a-uuid/comments");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ message: "uuid must be a valid UUID" });
  });
});

describe("POST /posts", () => {
  it("creates a published post (201, documented subset) that shows in lists and counts", async () => {
    const before = await counts();
    const media = [readyImage("luna", 0), readyImage("luna", 1)];
    const res = await h.json(luna, "POST", "/posts", {
      audience: "subscribers",
      text: "Fresh set",
      mediaUuids: media,
      mediaPreviewUuid: media[1],
      price: 900,
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual([
      "audience",
      "createdAt",
      "expiresAt",
      "mediaPreviewUuid",
      "price",
      "publishAt",
      "publishedAt",
      "text",
      "uuid",
    ]);
    expect(res.body).toMatchObject({
      text: "Fresh set",
      price: 900,
      audience: "subscribers",
      publishAt: null,
      mediaPreviewUuid: media[1],
    });
    expect(res.body.publishedAt).toBe(res.body.createdAt);
    const got = await h.json(luna, "GET", `/posts/${res.body.uuid}`);
    expect(got.body).toMatchObject({
      mediaUuids: media,
      likesCount: 0,
      tips: { count: 0, totalGross: 0, totalNet: 0 },
    });
    expect(await counts()).toMatchObject({
      postCount: before.postCount + 1,
      payToViewPostCount: before.payToViewPostCount + 1,
    });
    expect(h.creator("luna").mediaIndex.get(media[0]!)!.usage.has("ppv")).toBe(true);
  });

  it("schedules a post that publishes itself when the sandbox clock passes publishAt", async () => {
    const before = await counts();
    const publishAt = hourFromNow(1);
    const res = await h.json(luna, "POST", "/posts", {
      audience: "followers-and-subscribers",
      text: "Soon",
      publishAt,
      expiresAt: hourFromNow(48),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ publishAt, publishedAt: null });
    expect((await counts()).postCount).toBe(before.postCount);
    await h.advance(2 * 3600);
    const got = await h.json(luna, "GET", `/posts/${res.body.uuid}`);
    expect(got.body.publishedAt).toBe(publishAt);
    expect((await counts()).postCount).toBeGreaterThan(before.postCount);
  });

  it.each([
    ["no audience", { text: "x" }, /^audience is required$/],
    [
      "an unknown audience",
      { audience: "everyone", text: "x" },
      /^audience must be one of: subscribers, followers-and-subscribers$/,
    ],
    ["5,001 characters", { audience: "subscribers", text: "x".repeat(5001) }, /^text must be at most 5000 characters$/],
    ["a number as text", { audience: "subscribers", text: 12 }, /^text must be a string$/],
    [
      "a price without media",
      { audience: "subscribers", text: "x", price: 500 },
      "price requires at least one media item",
    ],
    ["neither text nor media", { audience: "subscribers" }, "a post needs text or at least one media item"],
    [
      "a string as mediaUuids",
      { audience: "subscribers", text: "x", mediaUuids: "abc" },
      /^mediaUuids must be an array$/,
    ],
    [
      "a past publishAt",
      { audience: "subscribers", text: "x", publishAt: "2020-01-01T00:00:00Z" },
      "publishAt must be in the future",
    ],
    [
      "a malformed publishAt",
      { audience: "subscribers", text: "x", publishAt: "tomorrow" },
      /^publishAt must be an ISO 8601 date-time$/,
    ],
    [
      "an unknown collection",
      { audience: "subscribers", text: "x", collectionUuids: ["00000000-0000-4000-8000-000000000001"] },
      /collectionUuids must reference existing collections/,
    ],
  ])("rejects %s with a validation body", async (_label, body, message) => {
    const res = await h.json(luna, "POST", "/posts", body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatch(message);
  });

  it("checks media ownership, readiness, preview, price floor and expiry order", async () => {
    const own = readyImage("luna");
    const created = await h.json(luna, "POST", "/media/uploads", {
      name: "Draft",
      filename: "draft.jpg",
      mediaType: "image",
    });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ mediaUuids: [readyImage("mia")] }, /must reference your own media/],
      [{ mediaUuids: [own], price: 299 }, /^price must be at least 300$/],
      [{ mediaUuids: [own], price: 300.5 }, /price must be an integer/],
      [{ mediaUuids: [own], mediaPreviewUuid: readyImage("luna", 1) }, /mediaPreviewUuid must be one of mediaUuids/],
      [{ text: "x", publishAt: hourFromNow(5), expiresAt: hourFromNow(4) }, /expiresAt must be after the publish time/],
      [{ mediaUuids: [created.body.mediaUuid] }, /is not ready/],
    ];
    for (const [extra, message] of cases) {
      const res = await h.json(luna, "POST", "/posts", { audience: "subscribers", ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.errors[0]).toMatch(message);
    }
    const malformed = await h.json(luna, "POST", "/posts", "{nope");
    expect(malformed).toEqual({ status: 400, body: { errors: ["body must be valid JSON"] } });
  });

  it("refuses an undocumented field naming it (strict) and creates without it (lenient)", async () => {
    const body = { audience: "subscribers", text: "Tagged", tags: ["beach"], isPinned: true };
    expect(await h.json(luna, "POST", "/posts", body)).toEqual({
      status: 400,
      body: undocumentedBody(["body.tags", "body.isPinned"], "POST /posts"),
    });
    const { result, undocumented } = await lenient(h, () => h.json(luna, "POST", "/posts", body));
    expect(result.status).toBe(201);
    expect(undocumented).toEqual(["body.tags", "body.isPinned"]);
    expect(h.creator("luna").postIndex.get(result.body.uuid)!.isPinned).toBe(false);
  });

  it("needs write:post", async () => {
    const readOnly = await h.token("luna", ["read:post"]);
    const res = await h.json(readOnly, "POST", "/posts", { audience: "subscribers", text: "x" });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/write:post/);
  });
});
