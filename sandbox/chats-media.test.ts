// Contract tests for §5.2 GET /chats/{userUuid}/media: cursor walk, filters,
// variants and errors.
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

/** A contactable fan of the creator who already has a conversation. */
function chatFan(handle: string, skip = 0) {
  const c = kit.creator(handle);
  const idx = [...c.chats.keys()].filter((i) => c.relations[i]!.contactable)[skip]!;
  return c.fans[idx]!.uuid;
}

const readyMedia = (handle: string, n = 1) => kit.creator(handle).media.filter((m) => m.status === "ready" && m.mediaType === "image").slice(0, n).map((m) => m.uuid);

describe("GET /chats/{userUuid}/media", () => {
  it("walks the cursor to the end, newest first, without duplicates", async () => {
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
    expect(Object.keys(seen[0]).sort()).toEqual(["created_at", "mediaType", "messageUuid", "name", "ownerUuid", "sentAt", "uuid", "variants"]);
    expect(seen[0]).toMatchObject({ ownerUuid: kit.uuidOf("luna"), variants: [], mediaType: "image" });
    const times = seen.map((m) => Date.parse(m.sentAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(seen.map((m) => `${m.messageUuid}:${m.uuid}`)).size).toBe(seen.length);
  });

  it("filters by mediaType, builds requested variants and validates the query", async () => {
    const fan = chatFan("luna", 8);
    const c = kit.creator("luna");
    const chat = c.chats.get(c.fanIndex.get(fan)!)!;
    const expected = (type: string) => chat.messages!.flatMap((m) => [...new Set(m.mediaUuids)]).filter((u) => c.mediaIndex.get(u)?.mediaType === type).length;
    const images = await kit.call(luna, "GET", `/chats/${fan}/media?mediaType=image&limit=50`);
    expect(images.body.data.length).toBe(expected("image"));
    expect(images.body.data.every((m: any) => m.mediaType === "image")).toBe(true);
    expect(images.body.nextCursor).toBeNull();
    const videos = await kit.call(luna, "GET", `/chats/${fan}/media?mediaType=video&limit=50`);
    expect(videos.body.data.length).toBe(expected("video"));
    expect(videos.body.data.every((m: any) => m.mediaType === "video")).toBe(true);
    const v = await kit.call(luna, "GET", `/chats/${fan}/media?limit=1&variants=thumbnail,main`);
    expect(v.body.data[0].variants.map((x: any) => x.variantType)).toEqual(["thumbnail", "main"]);
    expect(Object.keys(v.body.data[0].variants[0]).sort()).toEqual(["displayPosition", "height", "lengthMs", "url", "variantType", "width"]);
    expect(v.body.data[0].variants[0].width).toBe(320);
    for (const q of ["limit=0", "limit=51", "mediaType=gif", "cursor=%%%", "variants=huge"]) {
      const r = await kit.call(luna, "GET", `/chats/${fan}/media?${q}`);
      expect(r.status, q).toBe(400);
      expect(Array.isArray(r.body.errors)).toBe(true);
    }
    expect((await kit.call(luna, "GET", `/chats/${kit.uuidOf("felix")}/media`)).body).toEqual(NO_CONVERSATION);
    expect((await kit.call(atlas, "GET", `/creators/${kit.uuidOf("mia")}/chats/${chatFan("mia")}/media`)).status).toBe(200);
    expect((await kit.call(atlas, "GET", `/creators/${kit.uuidOf("luna")}/chats/${fan}/media`)).status).toBe(403);
  });
});
