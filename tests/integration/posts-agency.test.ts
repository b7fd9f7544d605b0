import { beforeAll, describe, expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Agency-managed creators get post history, queue, price picks and edits
// through /creators/{c}/posts, like creators through /posts; when Fanvue
// refuses that list or an edit, the page says so in our words (never "try
// again"), and what Vuedeck knows is still shown.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const service = await import("@/lib/server/posts/service");
const { getQueue } = await import("@/lib/server/posts/queue-sources");
const { getHistory } = await import("@/lib/server/posts/history");
const { usualPrices } = await import("@/lib/server/posts/prices");
const { clientForCreator } = await import("@/lib/server/creators/client");
const { listMedia } = await import("@/lib/server/fanvue/resources/media");
type Access = import("@/lib/server/workspaces/access").CreatorAccess;
type Note = import("@/lib/server/api/route").AuditNote;
type Call = { path: string; method: string; query: Record<string, string | string[]> };

let mia: Access;
let atlasUser: { id: string; name: string };
let media: string[];
let seq = 0;
const audit = (_n: Note) => undefined;
const inDays = (d: number, h = 0) => new Date(Date.now() + d * 86_400_000 + h * 3_600_000).toISOString();
const calls = async (glob: string, method = "GET") =>
  ((await sb.admin(`/calls?path=${encodeURIComponent(glob)}`)) as { calls: Call[] }).calls.filter(
    (c) => c.method === method,
  );
const truth = async (all: boolean) =>
  (await sb.admin(
    `/truth/posts?creator=mia&start=2000-01-01T00:00:00Z&end=2100-01-01T00:00:00Z${all ? "&all=1" : ""}`,
  )) as { posts: { uuid: string; publishedAt: string | null }[] };

async function schedule(at: string, over: Record<string, unknown> = {}) {
  const input = {
    key: `agency-${++seq}-${Date.now()}-xyz`,
    draftId: null,
    text: `Agency queued #${seq}`,
    mediaUuids: media.slice(0, 1),
    previewUuid: null,
    audience: "subscribers" as const,
    price: null,
    publishAt: at,
    expiresAt: null,
    ...over,
  };
  return (await service.publishFromComposer(mia, atlasUser, input)).post;
}

beforeAll(async () => {
  const a = await provisionAccount(sb, "atlas");
  atlasUser = { id: a.user.id, name: "Atlas" };
  mia = (await getCreatorAccess(a.user.id, a.creators.mia!.id))!;
  media = (await listMedia(clientForCreator(mia), { page: 1, size: 50 })).data
    .filter((m) => m.status === "ready")
    .map((m) => m.uuid);
});
cleanUpBetweenTests(sb, db);

describe("agency queue", () => {
  it("lists every scheduled post of the creator, also those scheduled on Fanvue directly, from /creators/{c}/posts", async () => {
    const mine = await schedule(inDays(2));
    const q = await getQueue(mia);
    expect(q).toMatchObject({ coverage: "fanvue", limitedBy: null });
    const scheduled = (await truth(true)).posts.filter((p) => p.publishedAt === null).map((p) => p.uuid);
    expect(
      q.items
        .filter((i) => i.kind === "post")
        .map((i) => i.id)
        .sort(),
    ).toEqual(scheduled.sort());
    expect(q.items.find((i) => i.id === mine.uuid)).toMatchObject({
      at: mine.publishAt,
      post: { authorName: "Atlas" },
    });
    expect(q.items.filter((i) => i.post?.authorName === null).length).toBeGreaterThanOrEqual(1);
    expect((await calls(`/creators/${mia.creator.fanvueUuid}/posts`)).length).toBeGreaterThanOrEqual(1);
  });

  it("reschedules, publishes now and cancels through /creators/{c}/posts, also a post scheduled on Fanvue", async () => {
    const post = await schedule(inDays(1));
    const to = inDays(1, 5);
    await service.editFromComposer(mia, atlasUser, post.uuid, { publishAt: to, text: "Changed" }, audit);
    expect((await getQueue(mia)).items.find((i) => i.id === post.uuid)).toMatchObject({
      at: to,
      post: { text: "Changed" },
    });
    await service.publishNowAudited(mia, post.uuid, audit);
    expect((await getQueue(mia)).items.some((i) => i.id === post.uuid)).toBe(false);
    const seeded = (await getQueue(mia)).items.find((i) => i.post?.authorName === null)!;
    await service.cancelAudited(mia, atlasUser, seeded.id, audit);
    const q = await getQueue(mia);
    expect(q.items.some((i) => i.id === seeded.id)).toBe(false);
    expect(q.cancelled.find((c) => c.uuid === seeded.id)).toMatchObject({ publishAt: seeded.at, authorName: "Fanvue" });
    const patches = await calls("/creators/*/posts/*", "PATCH");
    expect(patches.every((c) => c.path.startsWith(`/creators/${mia.creator.fanvueUuid}/posts/`))).toBe(true);
    expect(patches.length).toBe(3);
  });

  it("a refused list (405): the posts scheduled here, and why the others are missing", async () => {
    const mine = await schedule(inDays(3));
    await sb.admin("/faults", {
      path: "/creators/*/posts",
      method: "GET",
      status: 405,
      body: { message: "Method GET not allowed on /creators/x/posts" },
    });
    const q = await getQueue(mia);
    expect(q.coverage).toBe("vuedeck");
    expect(q.limitedBy).toBe(
      "Fanvue does not list this creator's posts for this account, so only posts scheduled in Vuedeck are shown; posts scheduled in Fanvue's own app are missing.",
    );
    expect(q.items.some((i) => i.id === mine.uuid)).toBe(true);
    expect(q.limitedBy).not.toMatch(/Method|try again/i);
  });
});

describe("item 12: what a refused edit says", () => {
  it("reschedule and publish now where this Fanvue lacks the call (405, or 404 for a post that exists): plain words, no retry", async () => {
    const post = await schedule(inDays(2));
    await sb.admin("/faults", {
      path: "/creators/*/posts/*",
      method: "PATCH",
      status: 405,
      body: { message: "Method PATCH not allowed" },
    });
    const moved = await service
      .editFromComposer(mia, atlasUser, post.uuid, { publishAt: inDays(3) }, audit)
      .catch((e) => e);
    expect(moved).toMatchObject({
      code: "not_found",
      message: "Fanvue does not let Vuedeck reschedule posts for this account. Reschedule it in Fanvue's app.",
    });
    await sb.admin("/faults", undefined, "DELETE");
    await sb.admin("/faults", {
      path: "/creators/*/posts/*",
      method: "PATCH",
      status: 404,
      body: { message: "Cannot PATCH" },
    });
    const now = await service.publishNowAudited(mia, post.uuid, audit).catch((e) => e);
    expect(now).toMatchObject({
      code: "not_found",
      message:
        "Fanvue does not let Vuedeck publish scheduled posts early for this account. Publish it in Fanvue's app.",
    });
    await sb.admin("/faults", undefined, "DELETE");
    await sb.admin("/faults", {
      path: "/creators/*/posts/*",
      method: "PATCH",
      status: 403,
      body: { error: "Insufficient scope" },
    });
    const cancel = await service.cancelAudited(mia, atlasUser, post.uuid, audit).catch((e) => e);
    expect(cancel).toMatchObject({
      code: "forbidden",
      message:
        "Fanvue refused to let this connection change scheduled posts. Reconnect Fanvue with access to posts, or delete or reschedule it in Fanvue's app.",
    });
    // Nothing changed on Fanvue; the post is still in the queue as it was.
    expect((await getQueue(mia)).items.find((i) => i.id === post.uuid)).toMatchObject({ at: post.publishAt });
  });

  it("a post deleted on Fanvue: the edit says it is gone", async () => {
    const c = sb.state.world.creators.get(mia.creator.fanvueUuid)!;
    const post = await schedule(inDays(2));
    c.posts.splice(
      c.posts.findIndex((p) => p.uuid === post.uuid),
      1,
    );
    c.postIndex.delete(post.uuid);
    const err = await service.publishNowAudited(mia, post.uuid, audit).catch((e) => e);
    expect(err).toMatchObject({
      code: "not_found",
      message: "This post is not among @mia's posts on Fanvue: it may have been deleted.",
    });
  });
});

describe("agency history and prices", () => {
  it("shows published posts with Fanvue's likes, comments and tips, asking only for published ones", async () => {
    const h = await getHistory(mia, { page: 1, range: "90d", tz: "Europe/Berlin" });
    expect(h).toMatchObject({ coverage: "fanvue", limitedBy: null });
    const published = (await truth(false)).posts.length;
    expect(h.items.length).toBe(Math.min(20, published));
    expect(
      h.items.every((i) => i.publishedAt !== null && i.likes !== null && i.comments !== null && i.tips !== null),
    ).toBe(true);
    expect(h.items.some((i) => (i.likes ?? 0) > 0)).toBe(true);
    const listed = await calls(`/creators/${mia.creator.fanvueUuid}/posts`);
    expect(listed.some((c) => c.query.includeUnpublished === "false")).toBe(true);
  });

  it("earned is — (not $0.00) while the ledger names no posts, and attributed once it does", async () => {
    await db.syncState.upsert({
      where: { creatorId_stream: { creatorId: mia.creator.id, stream: "earnings" } },
      create: { creatorId: mia.creator.id, stream: "earnings", lastSyncedAt: new Date() },
      update: { lastSyncedAt: new Date() },
    });
    await db.earningRow.create({
      data: {
        creatorId: mia.creator.id,
        dedupeKey: "no-post-1",
        occurredAt: new Date(),
        gross: 900,
        net: 720,
        currency: "USD",
        source: "post",
      },
    });
    const before = await getHistory(mia, { page: 1, range: "30d", tz: "UTC" });
    expect(before.earningsAttributable).toBe(false);
    expect(before.items.every((i) => i.earned === null)).toBe(true);
    const target = before.items[0]!;
    await db.earningRow.create({
      data: {
        creatorId: mia.creator.id,
        dedupeKey: "with-post-1",
        occurredAt: new Date(),
        gross: 1200,
        net: 960,
        currency: "USD",
        source: "post",
        postUuid: target.uuid,
      },
    });
    const after = await getHistory(mia, { page: 1, range: "30d", tz: "UTC" });
    expect(after.earningsAttributable).toBe(true);
    expect(after.items.find((i) => i.uuid === target.uuid)!.earned).toBe(1200);
    expect(after.items.filter((i) => i.uuid !== target.uuid).every((i) => i.earned === 0)).toBe(true);
  });

  it("a refused list (403): the posts made here, and why there are no figures", async () => {
    const now = await schedule(inDays(0), { publishAt: null });
    await sb.admin("/faults", { path: "/creators/*/posts", method: "GET", status: 403, body: { error: "Forbidden" } });
    const h = await getHistory(mia, { page: 1, range: "30d", tz: "UTC" });
    expect(h.coverage).toBe("vuedeck");
    expect(h.limitedBy).toBe(
      "Fanvue refused to list this creator's posts for this connection, so only posts made in Vuedeck are shown, without likes, comments and tips. Reconnecting Fanvue with access to posts may fix it.",
    );
    expect(h.items.every((i) => i.likes === null && i.tips === null)).toBe(true);
    expect(h.items.some((i) => i.uuid === now.uuid)).toBe(true);
  });

  it("offers price picks from the creator's posts on Fanvue", async () => {
    const picks = await usualPrices(mia);
    expect(picks.length).toBeGreaterThan(0);
    expect(picks.every((p) => p.cents >= 300)).toBe(true);
    const c = sb.state.world.creators.get(mia.creator.fanvueUuid)!;
    const prices = new Set(c.posts.map((p) => p.price).filter((p): p is number => p !== null));
    expect(picks.some((p) => prices.has(p.cents))).toBe(true);
    expect((await calls(`/creators/${mia.creator.fanvueUuid}/posts`)).length).toBe(1);
  });
});
