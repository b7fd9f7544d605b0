import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// The queue, its actions (edit, reschedule, publish now, cancel), drafts,
// history and price picks against a real sandbox and database.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const service = await import("@/lib/server/posts/service");
const { getQueue } = await import("@/lib/server/posts/queue-sources");
const { getHistory } = await import("@/lib/server/posts/history");
const { usualPrices } = await import("@/lib/server/posts/prices");
const drafts = await import("@/lib/server/posts/drafts");
const { clientForCreator } = await import("@/lib/server/creators/client");
const { listMedia } = await import("@/lib/server/fanvue/resources/media");
const { getPost } = await import("@/lib/server/fanvue/resources/posts");
const { emptyForm } = await import("@/lib/schemas/posts");
type Access = import("@/lib/server/workspaces/access").CreatorAccess;
type Note = import("@/lib/server/api/route").AuditNote;

let luna: Access;
let lunaUser: { id: string; name: string };
let atlasUser: { id: string; name: string };
let media: string[];
let seq = 0;
const notes: Note[] = [];
const audit = (n: Note) => void notes.push(n);
const inDays = (d: number, h = 0) => new Date(Date.now() + d * 86_400_000 + h * 3_600_000).toISOString();

async function schedule(
  access: Access,
  user: { id: string; name: string },
  at: string,
  over: Record<string, unknown> = {},
) {
  const m =
    access === luna
      ? media
      : (await listMedia(clientForCreator(access), { page: 1, size: 50 })).data
          .filter((x) => x.status === "ready")
          .map((x) => x.uuid);
  return (
    await service.publishFromComposer(access, user, {
      key: `queue-test-${++seq}-${Date.now()}`,
      draftId: null,
      text: `Queued #${seq}`,
      mediaUuids: m.slice(0, 1),
      previewUuid: null,
      audience: "subscribers",
      price: null,
      publishAt: at,
      expiresAt: null,
      ...over,
    })
  ).post;
}

beforeAll(async () => {
  const l = await provisionAccount(sb, "luna");
  const a = await provisionAccount(sb, "atlas");
  lunaUser = { id: l.user.id, name: "Luna" };
  atlasUser = { id: a.user.id, name: "Atlas" };
  luna = (await getCreatorAccess(l.user.id, l.creators.luna!.id))!;
  media = (await listMedia(clientForCreator(luna), { page: 1, size: 50 })).data
    .filter((m) => m.status === "ready")
    .map((m) => m.uuid);
});
afterEach(async () => {
  await sb.admin("/faults", undefined, "DELETE");
  notes.length = 0;
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

describe("queue", () => {
  it("lists every scheduled post from Fanvue by time, with who scheduled ours", async () => {
    const mine = await schedule(luna, lunaUser, inDays(2));
    const q = await getQueue(luna);
    expect(q).toMatchObject({ coverage: "fanvue", limitedBy: null });
    // The sandbox seeds four scheduled posts per creator.
    expect(q.items.length).toBeGreaterThanOrEqual(5);
    const times = q.items.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const item = q.items.find((i) => i.id === mine.uuid)!;
    expect(item).toMatchObject({ kind: "post", at: mine.publishAt, canReschedule: true, post: { authorName: "Luna" } });
    expect(q.items.filter((i) => i.post?.authorName === null).length).toBeGreaterThanOrEqual(4);
  });

  it("reschedules (not past its expiry), publishes now, and cancels with the old times kept", async () => {
    const post = await schedule(luna, lunaUser, inDays(1), { expiresAt: inDays(3) });
    const to = inDays(2, 3);
    const moved = await service.editFromComposer(luna, lunaUser, post.uuid, { publishAt: to }, audit);
    expect(moved.publishAt).toBe(to);
    expect(notes[0]).toMatchObject({
      target: post.uuid,
      details: { changed: ["publishAt"], from: post.publishAt, to },
    });
    expect((await getPost(clientForCreator(luna), post.uuid)).publishAt).toBe(to);

    const tooLate = await service
      .editFromComposer(luna, lunaUser, post.uuid, { publishAt: inDays(4) }, audit)
      .catch((e) => e);
    expect(tooLate).toMatchObject({ code: "invalid_input", extra: { field: "expiresAt" } });

    const cancelled = await service.cancelAudited(luna, lunaUser, post.uuid, audit);
    expect(cancelled).toMatchObject({ publishAt: to, expiresAt: post.expiresAt });
    const q = await getQueue(luna);
    expect(q.items.some((i) => i.id === post.uuid)).toBe(false);
    expect(q.cancelled.find((c) => c.uuid === post.uuid)).toMatchObject({ publishAt: to });
    expect((await getPost(clientForCreator(luna), post.uuid)).publishAt).toBe("2099-01-01T00:00:00.000Z");

    // Rescheduling brings it back.
    const back = await service.editFromComposer(luna, lunaUser, post.uuid, { publishAt: inDays(1) }, audit);
    expect((await getQueue(luna)).items.some((i) => i.id === post.uuid && i.at === back.publishAt)).toBe(true);

    const now = await service.publishNowAudited(luna, post.uuid, audit);
    expect(now.publishedAt).not.toBeNull();
    expect((await getQueue(luna)).items.some((i) => i.id === post.uuid)).toBe(false);
    const published = await service.cancelAudited(luna, lunaUser, post.uuid, audit).catch((e) => e);
    expect(published).toMatchObject({ code: "invalid_input" });
  });

  it("making a PPV post free clears its preview item on Fanvue", async () => {
    const post = await schedule(luna, lunaUser, inDays(2), {
      mediaUuids: media.slice(0, 2),
      previewUuid: media[0],
      price: 900,
    });
    expect(post.previewUuid).toBe(media[0]);
    const after = await service.editFromComposer(luna, lunaUser, post.uuid, { price: null }, audit);
    expect(after).toMatchObject({ price: null, previewUuid: null });
    expect(await getPost(clientForCreator(luna), post.uuid)).toMatchObject({ price: null, mediaPreviewUuid: null });
  });

  it("cancels a post scheduled on Fanvue directly", async () => {
    const seeded = (await getQueue(luna)).items.find((i) => i.post?.authorName === null)!;
    await service.cancelAudited(luna, lunaUser, seeded.id, audit);
    const q = await getQueue(luna);
    expect(q.items.some((i) => i.id === seeded.id)).toBe(false);
    expect(q.cancelled.find((c) => c.uuid === seeded.id)).toMatchObject({ publishAt: seeded.at, authorName: "Fanvue" });
  });
});

describe("drafts", () => {
  it("are per author, versioned, and refuse a save based on an old version", async () => {
    const owner = { creatorId: luna.creator.id, authorId: lunaUser.id };
    const d = await drafts.createDraft(owner, {
      form: { ...emptyForm(), text: "Hello" },
      publishKey: "draft-key-0123456789",
      editOf: null,
    });
    const saved = await drafts.saveDraft(owner, d.id, { ...d.form, text: "Hello 👋🏽", price: "12." }, d.version);
    expect(saved).toMatchObject({ version: 2, form: { text: "Hello 👋🏽", price: "12." } });
    const stale = await drafts.saveDraft(owner, d.id, d.form, d.version).catch((e) => e);
    expect(stale).toMatchObject({ code: "conflict" });
    const other = await drafts.getDraft({ ...owner, authorId: atlasUser.id }, d.id).catch((e) => e);
    expect(other).toMatchObject({ code: "not_found" });
    expect((await drafts.listDrafts(owner)).map((x) => x.id)).toContain(d.id);
  });

  it("publishing deletes the draft", async () => {
    const owner = { creatorId: luna.creator.id, authorId: lunaUser.id };
    const d = await drafts.createDraft(owner, { form: emptyForm(), publishKey: "draft-key-abcdefghijk", editOf: null });
    await schedule(luna, lunaUser, inDays(3), { draftId: d.id });
    expect(await drafts.getDraft(owner, d.id).catch((e) => e.code)).toBe("not_found");
  });
});

describe("history and prices", () => {
  it("shows published posts with Fanvue's figures and earnings from the ledger once synced", async () => {
    const h = await getHistory(luna, { page: 1, range: "90d", tz: "UTC" });
    expect(h.coverage).toBe("fanvue");
    expect(h.items.length).toBeGreaterThan(5);
    expect(h.items.every((i) => i.publishedAt !== null)).toBe(true);
    expect(h.items.some((i) => (i.likes ?? 0) > 0)).toBe(true);
    // No earnings sync yet: no figure rather than a false zero.
    expect(h.earningsSyncedAt).toBeNull();
    expect(h.items.every((i) => i.earned === null)).toBe(true);
    const target = h.items.find((i) => i.price !== null) ?? h.items[0]!;
    await db.syncState.create({ data: { creatorId: luna.creator.id, stream: "earnings", lastSyncedAt: new Date() } });
    await db.earningRow.createMany({
      data: [
        {
          creatorId: luna.creator.id,
          dedupeKey: "t1",
          occurredAt: new Date(),
          gross: 1500,
          net: 1200,
          currency: "USD",
          source: "post",
          postUuid: target.uuid,
        },
        {
          creatorId: luna.creator.id,
          dedupeKey: "t2",
          occurredAt: new Date(),
          gross: 500,
          net: 400,
          currency: "USD",
          source: "tip",
          postUuid: target.uuid,
        },
        {
          creatorId: luna.creator.id,
          dedupeKey: "t3",
          occurredAt: new Date(Date.now() - 200 * 86_400_000),
          gross: 900,
          net: 700,
          currency: "USD",
          source: "post",
          postUuid: target.uuid,
        },
      ],
    });
    const after = await getHistory(luna, { page: 1, range: "90d", tz: "UTC" });
    expect(after.items.find((i) => i.uuid === target.uuid)!.earned).toBe(2000);
    expect(after.items.filter((i) => i.uuid !== target.uuid).every((i) => i.earned === 0)).toBe(true);
  });

  it("offers the creator's most used prices", async () => {
    const prices = await usualPrices(luna);
    expect(prices.length).toBeGreaterThan(0);
    expect(prices.length).toBeLessThanOrEqual(4);
    expect(prices.every((p) => p.cents >= 300)).toBe(true);
    expect(prices.map((p) => p.cents)).toEqual([...prices.map((p) => p.cents)].sort((a, b) => a - b));
    expect(prices.some((p) => p.cents === 1500)).toBe(true);
  });
});
