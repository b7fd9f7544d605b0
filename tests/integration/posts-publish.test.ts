import { beforeAll, describe, expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Publishing against a real sandbox over HTTP: one Fanvue post per
// idempotency key whatever the clicks, retries, dropped answers and refusals.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const { publishFromComposer } = await import("@/lib/server/posts/service");
const { clientForCreator } = await import("@/lib/server/creators/client");
const { listMedia } = await import("@/lib/server/fanvue/resources/media");
const { ApiError } = await import("@/lib/server/api/errors");
type Access = import("@/lib/server/workspaces/access").CreatorAccess;
type Fields = import("@/lib/schemas/posts").PublishFields;

type Call = { path: string; method: string; status: number };
const calls = async (glob: string, method = "POST") =>
  ((await sb.admin(`/calls?path=${encodeURIComponent(glob)}`)) as { calls: Call[] }).calls.filter(
    (c) => c.method === method,
  );

let luna: Access;
let mia: Access;
let lunaUser: { id: string; name: string };
let atlasUser: { id: string; name: string };
let lunaMedia: string[];
let miaMedia: string[];
let seq = 0;

const key = () => `test-key-${Date.now()}-${++seq}-abcdef`;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

async function readyMedia(access: Access) {
  const page = await listMedia(clientForCreator(access), { page: 1, size: 50 });
  return page.data.filter((m) => m.status === "ready").map((m) => m.uuid);
}

const ppv = (media: string[], over: Partial<Fields> = {}): Fields => ({
  key: key(),
  draftId: null,
  text: `Behind the scenes #${++seq}`,
  mediaUuids: media.slice(0, 2),
  previewUuid: media[0]!,
  audience: "subscribers",
  price: 1250,
  publishAt: tomorrow(),
  expiresAt: null,
  ...over,
});

/** Posts on the sandbox whose text is `text` (self routes). */
async function postsWithText(access: Access, text: string) {
  const { listPosts } = await import("@/lib/server/fanvue/resources/posts");
  const out = [];
  for (let page = 1; page <= 4; page++) {
    const res = await listPosts(clientForCreator(access), page);
    out.push(...res.data.filter((p) => p.text === text));
    if (!res.pagination.hasMore) break;
  }
  return out;
}

beforeAll(async () => {
  const l = await provisionAccount(sb, "luna");
  const a = await provisionAccount(sb, "atlas");
  lunaUser = { id: l.user.id, name: "Luna" };
  atlasUser = { id: a.user.id, name: "Atlas" };
  luna = (await getCreatorAccess(l.user.id, l.creators.luna!.id))!;
  mia = (await getCreatorAccess(a.user.id, a.creators.mia!.id))!;
  lunaMedia = await readyMedia(luna);
  miaMedia = await readyMedia(mia);
  await sb.admin("/calls", undefined, "DELETE");
});
cleanUpBetweenTests(sb, db);

describe("publishing: one post per key", () => {
  it("schedules a PPV post with its preview, and a repeat with the same key makes nothing new", async () => {
    const input = ppv(lunaMedia);
    const first = await publishFromComposer(luna, lunaUser, input);
    expect(first.replayed).toBe(false);
    expect(first.post).toMatchObject({
      price: 1250,
      previewUuid: input.previewUuid,
      publishAt: input.publishAt,
      publishedAt: null,
      mediaUuids: input.mediaUuids,
    });
    const again = await publishFromComposer(luna, lunaUser, input);
    expect(again).toMatchObject({ replayed: true, post: { uuid: first.post.uuid } });
    expect(await calls("/posts")).toHaveLength(1);
    const audit = await db.auditEvent.findMany({ where: { action: "post.create", target: first.post.uuid } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: "Luna", creatorId: luna.creator.id });
  });

  it("two simultaneous clicks make one post", async () => {
    const input = ppv(lunaMedia, { publishAt: null, price: null, previewUuid: null });
    // Slow Fanvue down so the second request arrives while the first is sending.
    await sb.admin("/faults", { path: "/posts", method: "POST", latencyMs: 400 });
    const [a, b] = await Promise.all([
      publishFromComposer(luna, lunaUser, input),
      publishFromComposer(luna, lunaUser, input),
    ]);
    expect(a.post.uuid).toBe(b.post.uuid);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await calls("/posts")).toHaveLength(1);
    expect(await postsWithText(luna, input.text!)).toHaveLength(1);
  });

  it("an answer lost after Fanvue made the post is settled by finding it, not by sending again", async () => {
    const input = ppv(lunaMedia);
    await sb.admin("/faults", { path: "/posts", method: "POST", drop: "after", times: 1 });
    const res = await publishFromComposer(luna, lunaUser, input);
    expect(res.post.uuid).toMatch(/-/);
    const again = await publishFromComposer(luna, lunaUser, input);
    expect(again.post.uuid).toBe(res.post.uuid);
    expect(await calls("/posts")).toHaveLength(1);
    expect(await postsWithText(luna, input.text!)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "post.create", target: res.post.uuid } })).toBe(1);
  });

  it("a connection dropped before sending creates nothing; the retry with the same key posts once", async () => {
    const input = ppv(lunaMedia);
    await sb.admin("/faults", { path: "/posts", method: "POST", drop: "before", times: 1 });
    const err = await publishFromComposer(luna, lunaUser, input).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe("upstream_unavailable");
    const res = await publishFromComposer(luna, lunaUser, input);
    expect(res.replayed).toBe(false);
    expect(await postsWithText(luna, input.text!)).toHaveLength(1);
  });
});

describe("publishing: refusals", () => {
  it("a Fanvue refusal names the field and keeps the key usable for the corrected post", async () => {
    const input = ppv(lunaMedia);
    await sb.admin("/faults", {
      path: "/posts",
      method: "POST",
      status: 400,
      body: { errors: ["price must be at least 500 for this creator"] },
      times: 1,
    });
    const err = await publishFromComposer(luna, lunaUser, input).catch((e) => e);
    expect(err).toMatchObject({ code: "invalid_input", extra: { field: "price" } });
    // Our words (with the floor Fanvue named), not Fanvue's sentence.
    expect(err.message).toBe("Fanvue did not accept the price: it asks for at least $5.00 here.");
    const rec = await db.postRecord.findFirstOrThrow({ where: { publishKey: input.key } });
    expect(rec).toMatchObject({ state: "refused", errorField: "price" });
    const res = await publishFromComposer(luna, lunaUser, { ...input, price: 500 });
    expect(res.post.price).toBe(500);
    expect(await calls("/posts")).toHaveLength(2);
  });

  it("refuses bad input before Fanvue sees it", async () => {
    const cases: [Partial<Fields>, string][] = [
      [{ price: 250 }, "price"],
      [{ mediaUuids: [], previewUuid: null }, "price"],
      [{ publishAt: new Date(Date.now() - 60_000).toISOString() }, "publishAt"],
      [{ expiresAt: new Date(Date.now() + 3_600_000).toISOString() }, "expiresAt"],
      [{ text: "x".repeat(5001) }, "text"],
    ];
    for (const [over, field] of cases) {
      const err = await publishFromComposer(luna, lunaUser, ppv(lunaMedia, over)).catch((e) => e);
      expect(err, field).toMatchObject({ code: "invalid_input", extra: { field } });
    }
    expect(await calls("/posts")).toHaveLength(0);
  });

  it("media of another creator is refused by Fanvue and shown on the media field", async () => {
    const input = ppv(miaMedia);
    const err = await publishFromComposer(luna, lunaUser, input).catch((e) => e);
    expect(err).toMatchObject({ code: "invalid_input", extra: { field: "media" } });
    expect(err.message).toBe(
      "Fanvue did not accept the media. Check that each item is in this creator's vault and finished processing.",
    );
    expect(err.message).not.toContain(miaMedia[0]);
    expect(await db.postRecord.findFirstOrThrow({ where: { publishKey: input.key } })).toMatchObject({
      state: "refused",
      errorField: "media",
    });
  });
});

describe("agency-managed creators", () => {
  it("post through the creator-scoped route, audited with the staff member", async () => {
    const res = await publishFromComposer(mia, atlasUser, ppv(miaMedia));
    expect(res.post.publishAt).not.toBeNull();
    const posted = await calls("/creators/*/posts");
    expect(posted).toHaveLength(1);
    expect(posted[0]!.path).toBe(`/creators/${mia.creator.fanvueUuid}/posts`);
    expect(
      await db.auditEvent.count({ where: { action: "post.create", actorName: "Atlas", creatorId: mia.creator.id } }),
    ).toBe(1);
  });

  it("a lost answer is settled by finding the post in /creators/{c}/posts, never by sending again", async () => {
    const input = ppv(miaMedia);
    await sb.admin("/faults", { path: "/creators/*/posts", method: "POST", drop: "after", times: 1 });
    const res = await publishFromComposer(mia, atlasUser, input);
    expect(res.post.text).toBe(input.text);
    expect(await calls("/creators/*/posts")).toHaveLength(1);
    expect((await calls("/creators/*/posts", "GET")).length).toBeGreaterThanOrEqual(1);
    expect(await db.postRecord.findFirstOrThrow({ where: { publishKey: input.key } })).toMatchObject({
      state: "created",
      fanvueUuid: res.post.uuid,
    });
  });

  it("a lost answer with the post list refused (405): the user is told, nothing is resent", async () => {
    const input = ppv(miaMedia);
    await sb.admin("/faults", { path: "/creators/*/posts", method: "POST", drop: "after", times: 1 });
    await sb.admin("/faults", {
      path: "/creators/*/posts",
      method: "GET",
      status: 405,
      body: { message: "Method GET not allowed" },
    });
    const err = await publishFromComposer(mia, atlasUser, input).catch((e) => e);
    expect(err).toMatchObject({ code: "conflict", extra: { field: "key" } });
    expect(err.message).toBe(
      "Fanvue did not confirm whether @mia's post was created, and it does not let Vuedeck list @mia's posts to check. Look at @mia's profile on Fanvue before posting again.",
    );
    const again = await publishFromComposer(mia, atlasUser, input).catch((e) => e);
    expect(again).toMatchObject({ code: "conflict" });
    expect(await calls("/creators/*/posts")).toHaveLength(1);
    expect((await db.postRecord.findFirstOrThrow({ where: { publishKey: input.key } })).state).toBe("unknown");
  });

  it('publishing where this Fanvue lacks the call (404) says so, without "try again"', async () => {
    const input = ppv(miaMedia);
    await sb.admin("/faults", {
      path: "/creators/*/posts",
      method: "POST",
      status: 404,
      body: { message: "Cannot POST /creators/x/posts" },
      times: 1,
    });
    const err = await publishFromComposer(mia, atlasUser, input).catch((e) => e);
    expect(err).toMatchObject({
      code: "not_found",
      message:
        "Fanvue does not let Vuedeck publish posts for this account. Post it in Fanvue's app; your draft is kept here.",
    });
    expect((await db.postRecord.findFirstOrThrow({ where: { publishKey: input.key } })).state).toBe("refused");
  });
});
