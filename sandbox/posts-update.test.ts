import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { allPages, lenient, startContentSandbox, undocumentedBody, type Harness } from "./api/content-testing";

let h: Harness;
let luna: string;
let atlas: string;

beforeAll(async () => {
  h = await startContentSandbox();
  luna = await h.token("luna");
  atlas = await h.token("atlas");
});
afterAll(() => h.close());
beforeEach(() => h.sb.state.buckets.clear());

const images = (handle: string) =>
  h
    .creator(handle)
    .media.filter((m) => m.status === "ready" && m.mediaType === "image")
    .map((m) => m.uuid);
const inHours = (n: number) => new Date(h.sb.state.clock.now() + n * 3_600_000).toISOString();

async function newPost(token: string, body: Record<string, unknown>, prefix = "") {
  const res = await h.json(token, "POST", `${prefix}/posts`, body);
  expect(res.status).toBe(201);
  return res.body.uuid as string;
}

describe("PATCH /posts/{uuid}", () => {
  it("updates only the given fields and returns the full post", async () => {
    const [a, b, c] = images("luna");
    const uuid = await newPost(luna, {
      audience: "subscribers",
      text: "Original",
      mediaUuids: [a, b],
      mediaPreviewUuid: a,
      price: 1200,
    });
    const res = await h.json(luna, "PATCH", `/posts/${uuid}`, { text: "Edited" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      uuid,
      text: "Edited",
      price: 1200,
      mediaUuids: [a, b],
      mediaPreviewUuid: a,
      likesCount: 0,
      tips: { count: 0 },
    });
    expect(Object.keys(res.body)).toContain("collections");
    // Replacing media drops a preview that is no longer part of the post.
    const replaced = await h.json(luna, "PATCH", `/posts/${uuid}`, { mediaUuids: [b, c] });
    expect(replaced.body).toMatchObject({ mediaUuids: [b, c], mediaPreviewUuid: null, price: 1200 });
    const cleared = await h.json(luna, "PATCH", `/posts/${uuid}`, {
      text: null,
      price: null,
      audience: "followers-and-subscribers",
    });
    expect(cleared.body).toMatchObject({
      text: null,
      price: null,
      audience: "followers-and-subscribers",
      mediaUuids: [b, c],
    });
    expect((await h.json(luna, "GET", `/posts/${uuid}`)).body.text).toBeNull();
  });

  it("publishes a scheduled post now on publishAt: null, and reschedules one still pending", async () => {
    const before = (await h.json(luna, "GET", "/users/me")).body.contentCounts.postCount;
    const uuid = await newPost(luna, { audience: "subscribers", text: "Later", publishAt: inHours(10) });
    const later = inHours(20);
    const moved = await h.json(luna, "PATCH", `/posts/${uuid}`, { publishAt: later });
    expect(moved.body).toMatchObject({ publishAt: later, publishedAt: null });
    const now = await h.json(luna, "PATCH", `/posts/${uuid}`, { publishAt: null });
    expect(now.status).toBe(200);
    expect(now.body.publishAt).toBeNull();
    expect(Math.abs(Date.parse(now.body.publishedAt) - h.sb.state.clock.now())).toBeLessThan(5000);
    expect((await h.json(luna, "GET", "/users/me")).body.contentCounts.postCount).toBe(before + 1);
    const again = await h.json(luna, "PATCH", `/posts/${uuid}`, { publishAt: inHours(3) });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ errors: ["publishAt cannot be set on a published post"] });
  });

  it("keeps the post valid: price needs media, text or media must remain, expiry after publication", async () => {
    const [a] = images("luna");
    const uuid = await newPost(luna, { audience: "subscribers", text: "Paid", mediaUuids: [a], price: 500 });
    const cases: [Record<string, unknown>, string][] = [
      [{ mediaUuids: [] }, "price requires at least one media item"],
      [{ mediaUuids: [], price: null, text: null }, "a post needs text or at least one media item"],
      [
        { expiresAt: new Date(h.sb.state.clock.now() - 1000).toISOString() },
        "expiresAt must be after the publish time",
      ],
      [{ price: 100 }, "price must be at least 300"],
      [{ mediaPreviewUuid: images("luna")[3] }, "mediaPreviewUuid must be one of mediaUuids"],
    ];
    for (const [body, message] of cases) {
      const res = await h.json(luna, "PATCH", `/posts/${uuid}`, body);
      expect(res, JSON.stringify(body)).toEqual({ status: 400, body: { errors: [message] } });
    }
    // audience is not nullable in the reference.
    const nullAudience = await h.json(luna, "PATCH", `/posts/${uuid}`, { audience: null });
    expect(nullAudience.status).toBe(400);
    expect(nullAudience.body.errors[0]).toMatch(/^audience must be/);
    expect((await h.json(luna, "GET", `/posts/${uuid}`)).body).toMatchObject({
      price: 500,
      mediaUuids: [a],
      text: "Paid",
    });
    const expiry = inHours(30);
    expect((await h.json(luna, "PATCH", `/posts/${uuid}`, { expiresAt: expiry })).body.expiresAt).toBe(expiry);
    expect((await h.json(luna, "PATCH", `/posts/${uuid}`, { expiresAt: null })).body.expiresAt).toBeNull();
  });

  it("ignores an undocumented field (lenient) and refuses it naming it (strict)", async () => {
    const uuid = await newPost(luna, { audience: "subscribers", text: "Pin me?" });
    const body = { text: "Edited", isPinned: true };
    expect(await h.json(luna, "PATCH", `/posts/${uuid}`, body)).toEqual({
      status: 400,
      body: undocumentedBody(["body.isPinned"], "PATCH /posts/{uuid}"),
    });
    const { result, undocumented } = await lenient(h, () => h.json(luna, "PATCH", `/posts/${uuid}`, body));
    expect(result.body).toMatchObject({ text: "Edited", isPinned: false });
    expect(undocumented).toEqual(["body.isPinned"]);
  });

  it("answers 404 for unknown posts, 400 for malformed uuids and bodies, 403 without write:post", async () => {
    const other = h.creator("mia").posts[0]!.uuid;
    expect(await h.json(luna, "PATCH", `/posts/${other}`, { text: "x" })).toEqual({
      status: 404,
      body: { message: "Post not found" },
    });
    expect(await h.json(luna, "PATCH", "/posts/123", { text: "x" })).toEqual({
      status: 400,
      body: { message: "uuid must be a valid UUID" },
    });
    const mine = h.creator("luna").posts[0]!.uuid;
    expect(await h.json(luna, "PATCH", `/posts/${mine}`, "[1,2]")).toEqual({
      status: 400,
      body: { errors: ["body must be a JSON object"] },
    });
    const readOnly = await h.token("luna", ["read:post"]);
    expect((await h.json(readOnly, "PATCH", `/posts/${mine}`, { text: "x" })).status).toBe(403);
  });
});

describe("creator-scoped posts (agency)", () => {
  it("lets the agency create and update a managed creator's post", async () => {
    const mia = h.uuidOf("mia");
    const [a] = images("mia");
    const uuid = await newPost(
      atlas,
      { audience: "subscribers", text: "From the agency", mediaUuids: [a] },
      `/creators/${mia}`,
    );
    expect(h.creator("mia").postIndex.has(uuid)).toBe(true);
    expect(h.creator("luna").postIndex.has(uuid)).toBe(false);
    const res = await h.json(atlas, "PATCH", `/creators/${mia}/posts/${uuid}`, { text: "Edited by the agency" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uuid, text: "Edited by the agency", mediaUuids: [a] });
    // Another creator's post is not found through this creator's path.
    const nova = h.uuidOf("nova");
    expect((await h.json(atlas, "PATCH", `/creators/${nova}/posts/${uuid}`, { text: "x" })).status).toBe(404);
    // The media must belong to the creator in the path.
    const foreign = await h.json(atlas, "POST", `/creators/${nova}/posts`, {
      audience: "subscribers",
      mediaUuids: [a],
    });
    expect(foreign.status).toBe(400);
  });

  it("lists a managed creator's posts, scheduled ones unless includeUnpublished=false, with no single-post read", async () => {
    const mia = h.uuidOf("mia");
    const publishAt = inHours(6);
    const uuid = await newPost(
      atlas,
      { audience: "subscribers", text: "Queued by the agency", publishAt },
      `/creators/${mia}`,
    );
    const all = await allPages(h, atlas, `/creators/${mia}/posts`);
    expect(all.map((p) => p.uuid).sort()).toEqual(
      h
        .creator("mia")
        .posts.map((p) => p.uuid)
        .sort(),
    );
    expect(all.find((p) => p.uuid === uuid)).toMatchObject({
      publishedAt: null,
      publishAt,
      likesCount: 0,
      tips: { count: 0 },
    });
    const published = await allPages(h, atlas, `/creators/${mia}/posts?includeUnpublished=false`);
    expect(published.some((p) => p.uuid === uuid)).toBe(false);
    expect(published.every((p) => p.publishedAt !== null)).toBe(true);
    // Fanvue documents GET /posts/{uuid} on self routes only.
    expect((await h.call(atlas, "GET", `/creators/${mia}/posts/${uuid}`)).status).toBeGreaterThanOrEqual(404);
    expect((await h.json(atlas, "GET", `/creators/${h.uuidOf("luna")}/posts`)).status).toBe(403);
  });

  it("refuses creators outside the agency and missing write:creator", async () => {
    const luna = h.uuidOf("luna");
    const outside = await h.json(atlas, "POST", `/creators/${luna}/posts`, { audience: "subscribers", text: "x" });
    expect(outside).toEqual({ status: 403, body: { error: "Creator is not part of your agency" } });
    const noCreatorScope = await h.token("atlas", ["write:post", "read:creator"]);
    const res = await h.json(noCreatorScope, "POST", `/creators/${h.uuidOf("mia")}/posts`, {
      audience: "subscribers",
      text: "x",
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/write:creator/);
  });

  it("rejects a malformed creator uuid with the uuid body", async () => {
    const res = await h.json(atlas, "POST", "/creators/nope/posts", { audience: "subscribers", text: "x" });
    expect(res).toEqual({ status: 400, body: { message: "creatorUserUuid must be a valid UUID" } });
  });
});
