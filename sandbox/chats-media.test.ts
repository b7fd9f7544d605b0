// Contract tests for §5.2 GET /chats/{userUuid}/media (cursor walk, filters,
// no variants: the reference offers none there) and GET
// /chats/{userUuid}/messages/{messageUuid}/media (signed variants of one
// message's media).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChatKit, type ChatKit } from "./api/chats-testkit";

let kit: ChatKit;
let luna: string;
let atlas: string;

beforeAll(async () => {
  kit = await startChatKit(120);
  luna = await kit.token("luna");
  atlas = await kit.token("atlas");
});
afterAll(() => kit.close());

const NO_CONVERSATION = { message: "No conversation found with the given user" };
const ITEM_KEYS = ["created_at", "mediaType", "messageUuid", "name", "ownerUuid", "sentAt", "uuid"];

/** A contactable fan of the creator who already has a conversation. */
function chatFan(handle: string, skip = 0) {
  const c = kit.creator(handle);
  const idx = [...c.chats.keys()].filter((i) => c.relations[i]!.contactable)[skip]!;
  return c.fans[idx]!.uuid;
}

const readyMedia = (handle: string, n = 1, type = "image") =>
  kit
    .creator(handle)
    .media.filter((m) => m.status === "ready" && m.mediaType === type)
    .slice(0, n)
    .map((m) => m.uuid);

/** Runs with the sandbox lenient; returns the undocumented names it saw. */
async function lenient<T>(fn: () => Promise<T>) {
  const state = kit.sb.state;
  const before = state.contractFindings.length;
  state.config.strict = false;
  try {
    const result = await fn();
    return { result, undocumented: state.contractFindings.slice(before).flatMap((f) => f.undocumented) };
  } finally {
    state.config.strict = true;
  }
}

describe("GET /chats/{userUuid}/media", () => {
  it("walks the cursor to the end, newest first, without duplicates or URLs", async () => {
    const fan = chatFan("luna", 8);
    const media = readyMedia("luna", 3);
    await kit.call(luna, "POST", `/chats/${fan}/message`, { mediaUuids: media.slice(0, 2) });
    await kit.call(luna, "POST", `/chats/${fan}/message`, { mediaUuids: media.slice(2) });
    const seen: any[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const r: any = await kit.call(luna, "GET", `/chats/${fan}/media?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(["data", "nextCursor"]);
      seen.push(...r.body.data);
      cursor = r.body.nextCursor;
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.slice(0, 3).map((m) => m.uuid)).toEqual([media[2], media[0], media[1]]);
    // No variants were asked for (the reference offers no way to): no URLs.
    for (const m of seen) expect(Object.keys(m).sort()).toEqual(ITEM_KEYS);
    expect(seen[0]).toMatchObject({ ownerUuid: kit.uuidOf("luna"), mediaType: "image" });
    const times = seen.map((m) => Date.parse(m.sentAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(seen.map((m) => `${m.messageUuid}:${m.uuid}`)).size).toBe(seen.length);
  });

  it("filters by mediaType and validates the documented parameters", async () => {
    const fan = chatFan("luna", 8);
    const c = kit.creator("luna");
    const chat = c.chats.get(c.fanIndex.get(fan)!)!;
    const expected = (type: string) =>
      chat.messages!.flatMap((m) => [...new Set(m.mediaUuids)]).filter((u) => c.mediaIndex.get(u)?.mediaType === type)
        .length;
    const images = await kit.call(luna, "GET", `/chats/${fan}/media?mediaType=image&limit=50`);
    expect(images.body.data.length).toBe(expected("image"));
    expect(images.body.data.every((m: any) => m.mediaType === "image")).toBe(true);
    expect(images.body.nextCursor).toBeNull();
    const videos = await kit.call(luna, "GET", `/chats/${fan}/media?mediaType=video&limit=50`);
    expect(videos.body.data.length).toBe(expected("video"));
    for (const q of ["limit=0", "limit=51", "mediaType=gif", "cursor=%%%"]) {
      const r = await kit.call(luna, "GET", `/chats/${fan}/media?${q}`);
      expect(r.status, q).toBe(400);
      expect(Array.isArray(r.body.errors)).toBe(true);
    }
    expect((await kit.call(luna, "GET", `/chats/${kit.uuidOf("felix")}/media`)).body).toEqual(NO_CONVERSATION);
    expect((await kit.call(atlas, "GET", `/creators/${kit.uuidOf("mia")}/chats/${chatFan("mia")}/media`)).status).toBe(
      200,
    );
    expect((await kit.call(atlas, "GET", `/creators/${kit.uuidOf("luna")}/chats/${fan}/media`)).status).toBe(403);
  });

  it("ignores variants (lenient) and refuses it naming it (strict): it is not documented here", async () => {
    const fan = chatFan("luna", 8);
    const plain = await kit.call(luna, "GET", `/chats/${fan}/media?limit=5`);
    const { result, undocumented } = await lenient(() =>
      kit.call(luna, "GET", `/chats/${fan}/media?limit=5&variants=thumbnail`),
    );
    expect(result.body).toEqual(plain.body);
    expect(undocumented).toEqual(["query.variants"]);
    const strict = await kit.call(luna, "GET", `/chats/${fan}/media?variants=thumbnail`);
    expect(strict.status).toBe(400);
    expect(strict.body.errors).toEqual([
      "query.variants is not documented for GET /chats/{userUuid}/media in Fanvue's API reference",
    ]);
  });
});

describe("GET /chats/{userUuid}/messages/{messageUuid}/media", () => {
  async function sentMessage(token: string, fan: string, mediaUuids: string[], prefix = "") {
    const r = await kit.call(token, "POST", `${prefix}/chats/${fan}/message`, { mediaUuids });
    expect(r.status).toBe(201);
    return r.body.messageUuid as string;
  }

  it("resolves the message's media with the asked variants, null and an error for others", async () => {
    const fan = chatFan("luna", 9);
    const [image, video] = [readyMedia("luna", 1)[0]!, readyMedia("luna", 1, "video")[0]!];
    const other = readyMedia("luna", 2)[1]!;
    const msg = await sentMessage(luna, fan, [image, video]);
    const r = await kit.call(
      luna,
      "GET",
      `/chats/${fan}/messages/${msg}/media?mediaUuids=${image},${video},${other}&variants=thumbnail_gallery,main`,
    );
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.results).sort()).toEqual([image, video, other].sort());
    const item = r.body.results[image];
    expect(item).toMatchObject({ uuid: image, messageUuid: msg, mediaType: "image", ownerUuid: kit.uuidOf("luna") });
    expect(item.variants.map((v: any) => v.variantType)).toEqual(["main", "thumbnail_gallery"]);
    expect(Object.keys(item.variants[0]).sort()).toEqual([
      "displayPosition",
      "height",
      "lengthMs",
      "url",
      "variantType",
      "width",
    ]);
    expect(item.variants[1]).toMatchObject({ width: 320, height: 320 });
    const png = await fetch(item.variants[1].url);
    expect(png.status).toBe(200);
    expect(r.body.results[video].variants[0].lengthMs).toBe(kit.creator("luna").mediaIndex.get(video)!.lengthMs);
    expect(r.body.results[other]).toBeNull();
    expect(r.body.errors).toEqual([{ mediaUuid: other, code: "NOT_IN_MESSAGE", message: expect.any(String) }]);
    // Without variants: metadata, no URLs.
    const bare = await kit.call(luna, "GET", `/chats/${fan}/messages/${msg}/media?mediaUuids=${image}`);
    expect(bare.body.results[image].variants).toEqual([]);
  });

  it("validates mediaUuids and variants, 404s unknown messages, and works for agencies", async () => {
    const fan = chatFan("luna", 9);
    const msg = await sentMessage(luna, fan, readyMedia("luna", 1));
    const base = `/chats/${fan}/messages/${msg}/media`;
    const many = Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`).join(
      ",",
    );
    for (const q of [
      "",
      "?mediaUuids=nope",
      `?mediaUuids=${many}`,
      `?mediaUuids=${readyMedia("luna")[0]}&variants=huge`,
    ]) {
      const r = await kit.call(luna, "GET", `${base}${q}`);
      expect(r.status, q).toBe(400);
      expect(Array.isArray(r.body.errors)).toBe(true);
    }
    const unknown = await kit.call(
      luna,
      "GET",
      `/chats/${fan}/messages/00000000-0000-4000-8000-000000000000/media?mediaUuids=${readyMedia("luna")[0]}`,
    );
    expect(unknown).toMatchObject({ status: 404, body: { message: "Message not found" } });
    const mia = kit.uuidOf("mia");
    const miaFan = chatFan("mia");
    const miaMsg = await sentMessage(atlas, miaFan, readyMedia("mia"), `/creators/${mia}`);
    const viaAgency = await kit.call(
      atlas,
      "GET",
      `/creators/${mia}/chats/${miaFan}/messages/${miaMsg}/media?mediaUuids=${readyMedia("mia")[0]}&variants=thumbnail`,
    );
    expect(viaAgency.status).toBe(200);
    expect(viaAgency.body.results[readyMedia("mia")[0]!].variants[0].variantType).toBe("thumbnail");
  });

  it("ignores an undocumented parameter (lenient) and refuses it naming it (strict)", async () => {
    const fan = chatFan("luna", 9);
    const media = readyMedia("luna", 1);
    const msg = await sentMessage(luna, fan, media);
    const path = `/chats/${fan}/messages/${msg}/media?mediaUuids=${media[0]}&variants=main`;
    const plain = await kit.call(luna, "GET", path);
    const { result, undocumented } = await lenient(() => kit.call(luna, "GET", `${path}&purchasedBy=${fan}`));
    expect(Object.keys(result.body.results)).toEqual(Object.keys(plain.body.results));
    expect(result.body.results[media[0]!]).not.toHaveProperty("purchasedByFan");
    expect(undocumented).toEqual(["query.purchasedBy"]);
    const strict = await kit.call(luna, "GET", `${path}&purchasedBy=${fan}`);
    expect(strict.status).toBe(400);
    expect(strict.body.errors).toEqual([
      "query.purchasedBy is not documented for GET /chats/{userUuid}/messages/{messageUuid}/media in Fanvue's API reference",
    ]);
  });
});
