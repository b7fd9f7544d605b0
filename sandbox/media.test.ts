import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { allPages, lenient, startContentSandbox, undocumentedBody, type Harness } from "./api/content-testing";
import { appendMessage, newMessage } from "./world/messaging";

let h: Harness;
let luna: string;
const READY_KEYS = [
  "caption",
  "createdAt",
  "description",
  "mediaType",
  "name",
  "recommendedPrice",
  "status",
  "uuid",
  "variants",
];

beforeAll(async () => {
  h = await startContentSandbox();
  luna = await h.token("luna");
});
afterAll(() => h.close());
beforeEach(() => h.sb.state.buckets.clear());

const lunaWorld = () => h.creator("luna");

describe("GET /media", () => {
  it("pages the whole vault newest first; not-ready items show only uuid and status", async () => {
    const first = await h.json(luna, "GET", "/media");
    expect(first.status).toBe(200);
    expect(first.body.pagination).toEqual({ page: 1, size: 15, hasMore: true });
    const all = await allPages(h, luna, "/media");
    expect(all).toHaveLength(lunaWorld().media.length);
    const processing = all.filter((m) => m.status !== "ready");
    expect(processing.length).toBeGreaterThan(0);
    for (const m of processing) expect(Object.keys(m).sort()).toEqual(["status", "uuid"]);
    const ready = all.filter((m) => m.status === "ready");
    for (const m of ready) expect(Object.keys(m).sort()).toEqual(READY_KEYS);
    expect(ready.every((m) => m.variants.length === 0)).toBe(true);
    const times = ready.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("filters by mediaType, status, usage and folderName", async () => {
    const videos = await allPages(h, luna, "/media?mediaType=video&status=ready");
    const expectedVideos = lunaWorld().media.filter((m) => m.mediaType === "video" && m.status === "ready");
    expect(videos.map((m) => m.uuid).sort()).toEqual(expectedVideos.map((m) => m.uuid).sort());
    const notReady = await allPages(h, luna, "/media?status=processing,created");
    expect(notReady.map((m) => m.uuid).sort()).toEqual(
      lunaWorld()
        .media.filter((m) => m.status !== "ready")
        .map((m) => m.uuid)
        .sort(),
    );
    const ppv = await allPages(h, luna, "/media?usage=ppv");
    expect(ppv.length).toBe(lunaWorld().media.filter((m) => m.usage.has("ppv")).length);
    const folder = lunaWorld().folders.find((f) => f.name === "Videos")!;
    const inFolder = await allPages(h, luna, "/media?folderName=Videos");
    expect(inFolder.map((m) => m.uuid).sort()).toEqual([...folder.mediaUuids].sort());
    expect(await allPages(h, luna, "/media?folderName=No%20such%20folder")).toEqual([]);
  });

  it.each([
    ["/media?mediaType=gif", "mediaType must be one of: image, video, audio, document"],
    ["/media?usage=everyone", "usage must be one of: subscribers, followers, ppv, mass_messages"],
    ["/media?status=ready,done", "status must be one of: created, processing, ready, error"],
    ["/media?variants=main,poster", "variants must be one of: blurred, main, thumbnail, thumbnail_gallery"],
    ["/media?purchasedBy=fan-1", "purchasedBy must be a valid UUID"],
    ["/media?page=0", "page must be at least 1"],
    ["/media?size=51", "size must be at most 50"],
  ])("answers %s with 400 and the validation body", async (path, message) => {
    expect(await h.json(luna, "GET", path)).toEqual({ status: 400, body: { errors: [message] } });
  });

  it("returns variants only when asked, as the reference's comma-separated list", async () => {
    const comma = (await h.json(luna, "GET", "/media?mediaType=image&status=ready&size=3&variants=blurred,main")).body
      .data;
    for (const m of comma)
      expect(m.variants.map((v: { variantType: string }) => v.variantType)).toEqual(["main", "blurred"]);
    const m = lunaWorld().mediaIndex.get(comma[0].uuid)!;
    const [main, blurred] = comma[0].variants;
    expect(Object.keys(main).sort()).toEqual([
      "displayPosition",
      "height",
      "lengthMs",
      "url",
      "uuid",
      "variantType",
      "width",
    ]);
    expect(main).toMatchObject({ width: m.width, height: m.height, lengthMs: null, displayPosition: 0 });
    expect(blurred).toMatchObject({ width: Math.round(m.width! / 10), height: Math.round(m.height! / 10) });
    expect(main.url).toMatch(new RegExp(`^${h.sb.url}/__media/${m.uuid}/main\\.svg\\?exp=\\d+&sig=[0-9a-f]{64}$`));
    const again = (await h.json(luna, "GET", `/media/${m.uuid}?variants=main`)).body;
    expect(again.variants[0].uuid).toBe(main.uuid);
  });

  it("ignores an undocumented parameter (lenient) and refuses it naming it (strict)", async () => {
    const plain = (await h.json(luna, "GET", "/media?size=5")).body.data.map((m: { uuid: string }) => m.uuid);
    const { result, undocumented } = await lenient(h, () =>
      h.json(luna, "GET", "/media?size=5&search=zzz-no-such-name&sortBy=name"),
    );
    expect(result.status).toBe(200);
    // Nothing was filtered or sorted on them.
    expect(result.body.data.map((m: { uuid: string }) => m.uuid)).toEqual(plain);
    expect(undocumented).toEqual(["query.search", "query.sortBy"]);
    const strict = await h.json(luna, "GET", "/media?size=5&search=x");
    expect(strict).toEqual({ status: 400, body: undocumentedBody(["query.search"], "GET /media") });
  });
});

describe("GET /media/{uuid}", () => {
  it("returns one item with variants by type; audio has only its main file", async () => {
    const video = lunaWorld().media.find((m) => m.mediaType === "video" && m.status === "ready")!;
    const res = await h.json(luna, "GET", `/media/${video.uuid}?variants=main,thumbnail,thumbnail_gallery,blurred`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uuid: video.uuid, status: "ready", mediaType: "video", name: video.name });
    expect(res.body.variants.map((v: { variantType: string }) => v.variantType)).toEqual([
      "main",
      "thumbnail",
      "thumbnail_gallery",
      "blurred",
    ]);
    expect(res.body.variants[0].lengthMs).toBe(video.lengthMs);
    expect(res.body.variants[1]).toMatchObject({ width: 320, lengthMs: null });
    expect(res.body.variants[2]).toMatchObject({ width: 320, height: 320 });
    // An audio item of 160,000 bytes (10 s at 128 kbit/s), made ready through the admin switch.
    const up = await h.json(luna, "POST", "/media/uploads", {
      name: "Voice note",
      filename: "note.m4a",
      mediaType: "audio",
    });
    expect((await h.json(luna, "GET", `/media/${up.body.mediaUuid}`)).body).toEqual({
      uuid: up.body.mediaUuid,
      status: "created",
    });
    const partUrl = await (await h.call(luna, "GET", `/media/uploads/${up.body.uploadId}/parts/1/url`)).text();
    const etag = (await fetch(partUrl, { method: "PUT", body: new Uint8Array(randomBytes(160_000)) })).headers.get(
      "etag",
    )!;
    expect(
      (await h.json(luna, "PATCH", `/media/uploads/${up.body.uploadId}`, { parts: [{ PartNumber: 1, ETag: etag }] }))
        .status,
    ).toBe(200);
    const ready = await fetch(`${h.sb.url}/__sandbox/media/${up.body.mediaUuid}/ready`, { method: "POST" });
    expect(await ready.json()).toEqual({ uuid: up.body.mediaUuid, status: "ready" });
    const a = await h.json(luna, "GET", `/media/${up.body.mediaUuid}?variants=main,thumbnail`);
    expect(a.body).toMatchObject({ status: "ready", mediaType: "audio", name: "Voice note" });
    expect(a.body.variants).toHaveLength(1);
    expect(a.body.variants[0]).toMatchObject({ variantType: "main", width: null, height: null, lengthMs: 10_000 });
  });

  it("answers 404 for unknown or foreign media and 400 for malformed uuids", async () => {
    const foreign = h.creator("mia").media[0]!.uuid;
    expect(await h.json(luna, "GET", `/media/${foreign}`)).toEqual({
      status: 404,
      body: { message: "Media not found" },
    });
    expect(await h.json(luna, "GET", "/media/xyz")).toEqual({
      status: 400,
      body: { message: "uuid must be a valid UUID" },
    });
  });

  it("marks purchasedByFan from the fan's PPV post, broadcast and chat purchases", async () => {
    const c = lunaWorld();
    const now = h.sb.state.clock.now();
    const ready = c.media.filter((m) => m.status === "ready" && m.mediaType === "image");
    const buyer = c.fans.findIndex((_, i) => c.ledger.rowsOfFan(i).length === 0);
    expect(buyer).toBeGreaterThanOrEqual(0);
    const fanUuid = c.fans[buyer]!.uuid;
    const [viaPost, viaBroadcast, viaChat, notBought] = [ready[0]!, ready[1]!, ready[2]!, ready[3]!];
    const post = (
      await h.json(luna, "POST", "/posts", { audience: "subscribers", mediaUuids: [viaPost.uuid], price: 500 })
    ).body;
    c.ledger.append(now, 500, 400, "post", buyer, post.uuid);
    const mm = c.massMessages[0]!;
    mm.mediaUuids = [viaBroadcast.uuid];
    c.ledger.append(now, 800, 640, "message", buyer, mm.uuid);
    const msgUuid = "5f0e7a52-8d1c-4f7b-9a51-2b1f8c4d9e01";
    appendMessage(
      h.sb.state.world.seed,
      c,
      buyer,
      newMessage(msgUuid, { sentAt: now, fromFan: false, mediaUuids: [viaChat.uuid], price: 900, purchasedAt: now }),
    );
    c.ledger.append(now, 900, 720, "message", buyer, msgUuid);
    for (const [m, bought] of [
      [viaPost, true],
      [viaBroadcast, true],
      [viaChat, true],
      [notBought, false],
    ] as const) {
      const res = await h.json(luna, "GET", `/media/${m.uuid}?purchasedBy=${fanUuid}`);
      expect(res.body.purchasedByFan, m.uuid).toBe(bought);
    }
    const list = (await h.json(luna, "GET", `/media?purchasedBy=${fanUuid}&status=ready&size=50`)).body.data;
    expect(list.every((m: Record<string, unknown>) => typeof m.purchasedByFan === "boolean")).toBe(true);
    const without = (await h.json(luna, "GET", `/media/${viaPost.uuid}`)).body;
    expect(without).not.toHaveProperty("purchasedByFan");
  });
});

describe("scopes and the agency mirror", () => {
  it("needs read:media; agencies read a managed creator's vault with read:creator", async () => {
    const narrow = await h.token("luna", ["read:self"]);
    expect((await h.json(narrow, "GET", "/media")).status).toBe(403);
    const atlas = await h.token("atlas");
    const mia = h.uuidOf("mia");
    const res = await h.json(atlas, "GET", `/creators/${mia}/media?size=50`);
    expect(res.status).toBe(200);
    const miaUuids = new Set(h.creator("mia").media.map((m) => m.uuid));
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((m: { uuid: string }) => miaUuids.has(m.uuid))).toBe(true);
    const one = h.creator("mia").media.find((m) => m.status === "ready")!;
    expect((await h.json(atlas, "GET", `/creators/${mia}/media/${one.uuid}`)).body.uuid).toBe(one.uuid);
    expect(await h.json(atlas, "GET", `/creators/${h.uuidOf("luna")}/media`)).toEqual({
      status: 403,
      body: { error: "Creator is not part of your agency" },
    });
    const noCreator = await h.token("atlas", ["read:media"]);
    expect((await h.json(noCreator, "GET", `/creators/${mia}/media`)).body.error).toMatch(/read:creator/);
    expect((await h.json(atlas, "GET", "/media")).status).toBe(403);
  });

  it("keeps contentCounts in step as processing media turns ready on the clock", async () => {
    const pending = lunaWorld().media.filter((m) => m.status === "processing");
    expect(pending.length).toBeGreaterThan(0);
    const before = (await h.json(luna, "GET", "/users/me")).body.contentCounts;
    await h.advance(700);
    const after = (await h.json(luna, "GET", "/users/me")).body.contentCounts;
    const gained = (t: string) => pending.filter((m) => m.mediaType === t).length;
    expect(after.imageCount).toBe(before.imageCount + gained("image"));
    expect(after.videoCount).toBe(before.videoCount + gained("video"));
    const item = await h.json(luna, "GET", `/media/${pending[0]!.uuid}`);
    expect(item.body.status).toBe("ready");
    expect(Object.keys(item.body).sort()).toEqual(READY_KEYS);
  });
});
