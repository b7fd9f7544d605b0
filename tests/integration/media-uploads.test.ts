import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectAccount } from "../support/connect";
import { startTestSandbox } from "../support/sandbox";

// Multipart uploads as the browser drives them (session, part URLs, PUT to
// storage, complete), and the fan-context views of the vault.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { startUpload, partUploadUrl, finishUpload } = await import("@/lib/server/media/uploads");
const { lookupMedia } = await import("@/lib/server/media/lookup");
const { listVault } = await import("@/lib/server/media/vault-list");
const { purchasedMedia } = await import("@/sandbox/api/media-common");
const { getChatMedia } = await import("@/lib/server/chats/actions");
type Access = import("@/lib/server/workspaces/access").CreatorAccess;

let luna: Access;
let lunaUuid: string;

beforeAll(async () => {
  const { connection, account } = await connectAccount(sb, "luna");
  lunaUuid = account.uuid;
  luna = {
    workspace: { id: "ws", kind: "creator", name: "luna", connectionId: connection.id },
    membership: { id: "m", role: "owner", allCreators: true, creatorIds: [] },
    creator: { id: "cr-luna", fanvueUuid: account.uuid, handle: "luna", displayName: "Luna", avatarUrl: null },
  };
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const MB = 1024 * 1024;

describe("uploads: a video in parts", () => {
  it("uploads a 30 MB video in parts straight to storage, then it processes and turns ready", async () => {
    const size = 30 * MB;
    const s = await startUpload(luna, {
      filename: "clip.mp4",
      name: "clip.mp4",
      mimeType: "video/mp4",
      sizeBytes: size,
    });
    // Our part size (Fanvue's answer has none): 16 MiB, the last part shorter.
    expect(s).toMatchObject({ mediaType: "video", partSize: 16 * MB, totalParts: 2 });
    const parts = [];
    for (let n = 1; n <= s.totalParts; n++) {
      const { url } = await partUploadUrl(luna, s.uploadId, n);
      const bytes = Buffer.alloc(Math.min(s.partSize, size - (n - 1) * s.partSize), n);
      // A retried part gets a fresh URL and replaces the first attempt.
      const put = await fetch(url, { method: "PUT", body: bytes });
      expect(put.status).toBe(200);
      parts.push({ PartNumber: n, ETag: put.headers.get("etag")! });
    }
    const done = await finishUpload(luna, s.uploadId, { mediaUuid: s.mediaUuid, name: "clip.mp4", parts });
    expect(done).toEqual({ mediaUuid: s.mediaUuid, status: "processing" });
    expect((await lookupMedia(luna, [s.mediaUuid])).items[0]!.status).toBe("processing");
    const first = await listVault(luna, {});
    expect(first.items[0]).toMatchObject({ uuid: s.mediaUuid, status: "processing" });
    await sb.admin("/clock/advance", { seconds: 4 });
    const [ready] = (await lookupMedia(luna, [s.mediaUuid])).items;
    expect(ready).toMatchObject({ status: "ready", mediaType: "video", name: "clip.mp4" });
    expect(ready!.thumb).not.toBeNull();
  });
});

describe("uploads: refusals, before and from Fanvue", () => {
  it("refuses unsupported types and oversized files before asking Fanvue", async () => {
    await sb.admin("/calls", undefined, "DELETE");
    await expect(
      startUpload(luna, { filename: "notes.pdf", name: "notes.pdf", mimeType: "application/pdf", sizeBytes: 1000 }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("not supported"),
    });
    await expect(
      startUpload(luna, { filename: "huge.mp4", name: "huge.mp4", mimeType: "video/mp4", sizeBytes: 2 * 1024 * MB }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("1.5 GB"),
    });
    const log = (await sb.admin("/calls?path=/media/uploads")) as { calls: unknown[] };
    expect(log.calls).toHaveLength(0);
  });

  it("says the session ended when Fanvue no longer knows the upload", async () => {
    await expect(partUploadUrl(luna, "no-such-upload", 1)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("Start the upload again"),
    });
  });

  it("opens the session with the reference's fields only: name, filename, mediaType", async () => {
    await sb.admin("/calls", undefined, "DELETE");
    await startUpload(luna, { filename: "a.jpg", name: "Beach", mimeType: "image/jpeg", sizeBytes: 2 * MB });
    const findings = (await sb.admin("/contract")) as { findings: { route: string }[] };
    expect(findings.findings.filter((f) => f.route.includes("/media/uploads"))).toEqual([]);
  });

  it.each([
    [
      405,
      { message: "Method POST not allowed" },
      "not_found",
      "Fanvue does not accept uploads from Vuedeck for this account. Upload the file in Fanvue's app; it then shows in this vault.",
    ],
    [
      404,
      { message: "Cannot POST /media/uploads" },
      "not_found",
      "Fanvue does not accept uploads from Vuedeck for this account. Upload the file in Fanvue's app; it then shows in this vault.",
    ],
    [
      403,
      { error: "Insufficient scope: requires write:media" },
      "forbidden",
      "Fanvue refused this upload for this account. Reconnect Fanvue and allow media uploads, or upload in Fanvue's app.",
    ],
  ])('an upload Fanvue answers %i says what to do, never "try again"', async (status, body, code, message) => {
    await sb.admin("/faults", { path: "/media/uploads", method: "POST", status, body, times: 1 });
    const err = await startUpload(luna, {
      filename: "a.jpg",
      name: "a.jpg",
      mimeType: "image/jpeg",
      sizeBytes: 1000,
    }).catch((e) => e);
    expect(err).toMatchObject({ code, message });
    expect(err.message).not.toMatch(/try again|Method|scope/i);
  });
});

describe("fan context: what a fan bought", () => {
  it("flags what a fan bought and can show only that", async () => {
    const c = sb.state.world.creators.get(lunaUuid)!;
    const buyer = c.fans.findIndex((_, i) => purchasedMedia(sb.state, c, i).size > 0);
    expect(buyer).toBeGreaterThanOrEqual(0);
    const fan = c.fans[buyer]!.uuid;
    const bought = purchasedMedia(sb.state, c, buyer);
    const all = await listVault(luna, { fan });
    // Not-ready items carry only {uuid, status}: no flag there.
    expect(all.items.filter((i) => i.status === "ready").every((i) => typeof i.purchasedByFan === "boolean")).toBe(
      true,
    );
    const only: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listVault(luna, { fan, fanView: "bought", cursor });
      only.push(...p.items.map((i) => i.uuid));
      expect(p.items.every((i) => i.purchasedByFan === true)).toBe(true);
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(only.sort()).toEqual([...bought].filter((u) => c.mediaIndex.get(u)?.status === "ready").sort());
  });
});

describe("fan context: media sent in a chat", () => {
  it("lists media the creator sent a fan in their chat, and nothing when there is no chat", async () => {
    const c = sb.state.world.creators.get(lunaUuid)!;
    const withChat = [...c.chats.keys()].map((i) => c.fans[i]!.uuid);
    let found: string | null = null;
    for (const fan of withChat.slice(0, 40)) {
      await sb.admin("/calls", undefined, "DELETE");
      const p = await listVault(luna, { fan, fanView: "sent" });
      if (!p.items.length) continue;
      found = fan;
      expect(p.items.every((i) => c.mediaIndex.has(i.uuid) && i.status === "ready")).toBe(true);
      // Thumbnails and sizes come from the documented per-message lookup
      // (the chat media list takes no variants): one call per message shown.
      const pictures = p.items.filter((i) => i.mediaType === "image" || i.mediaType === "video");
      expect(pictures.length).toBeGreaterThan(0);
      expect(pictures.map((i) => [i.uuid, i.thumb !== null && (i.width ?? 0) > 0])).toEqual(
        pictures.map((i) => [i.uuid, true]),
      );
      expect((await fetch(pictures[0]!.thumb!.url)).status).toBe(200);
      const log = (await sb.admin(`/calls?path=${encodeURIComponent(`/chats/${fan}/**`)}`)) as {
        calls: { path: string; query: Record<string, string> }[];
      };
      const lookups = log.calls.filter((x) => x.path.includes("/messages/"));
      expect(lookups.length).toBeGreaterThan(0);
      expect(lookups.length).toBeLessThanOrEqual(20);
      expect(lookups.every((x) => x.query.variants === "main,thumbnail_gallery")).toBe(true);
      expect(log.calls.find((x) => x.path.endsWith("/media"))!.query).not.toHaveProperty("variants");
      break;
    }
    expect(found).not.toBeNull();
    // This Fanvue lacks the per-message lookup: the list still shows, without pictures.
    await sb.admin("/faults", {
      path: "/chats/*/messages/*/media",
      method: "GET",
      status: 404,
      body: { message: "Not found" },
    });
    const bare = await listVault(luna, { fan: found!, fanView: "sent" });
    await sb.admin("/faults", undefined, "DELETE");
    expect(bare.items.length).toBeGreaterThan(0);
    expect(bare.items.every((i) => i.thumb === null)).toBe(true);
    const lonely = c.fans.find((_, i) => !c.chats.has(i));
    if (lonely) expect((await listVault(luna, { fan: lonely.uuid, fanView: "sent" })).items).toEqual([]);
  });

  it("gives a conversation's media their thumbnails through the per-message lookup, 20 media a page", async () => {
    const c = sb.state.world.creators.get(lunaUuid)!;
    const withMedia = [...c.chats.entries()].find(
      ([, chat]) => (chat.messages ?? []).filter((m) => m.mediaUuids.length).length >= 2,
    );
    const fan = withMedia ? c.fans[withMedia[0]]!.uuid : null;
    expect(fan).not.toBeNull();
    await sb.admin("/calls", undefined, "DELETE");
    const page = await getChatMedia(luna, fan!, undefined);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThanOrEqual(20);
    const pictures = page.items.filter((i) => c.mediaIndex.get(i.uuid)?.mediaType === "image");
    expect(pictures.every((i) => i.thumbUrl !== null && i.width === 320)).toBe(true);
    const log = (await sb.admin(`/calls?path=${encodeURIComponent(`/chats/${fan}/**`)}`)) as {
      calls: { path: string; query: Record<string, string> }[];
    };
    const lookups = log.calls.filter((x) => x.path.includes("/messages/"));
    // One per message with a picture; audio has no thumbnail to ask for.
    const withPictures = page.items.filter((i) =>
      ["image", "video"].includes(c.mediaIndex.get(i.uuid)?.mediaType ?? ""),
    );
    expect(lookups.length).toBe(new Set(withPictures.map((i) => i.messageUuid)).size);
    expect(lookups.every((x) => x.query.variants === "thumbnail")).toBe(true);
    expect(log.calls.find((x) => x.path.endsWith("/media"))!.query).toEqual({ limit: "20" });
  });
});
