import { beforeAll, describe, expect, it } from "vitest";
import { connectAccount } from "../support/connect";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";

// The vault against a real sandbox over HTTP: grid pages, search scans,
// signed-URL re-resolution, folders (all-or-nothing), agency routes.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { listVault } = await import("@/lib/server/media/vault-list");
const { lookupMedia, getMediaDetails } = await import("@/lib/server/media/lookup");
const folders = await import("@/lib/server/media/folders");
const { ApiError } = await import("@/lib/server/api/errors");
type Access = import("@/lib/server/workspaces/access").CreatorAccess;

type Call = { path: string; method: string; status: number; query: Record<string, string> };
const calls = async (glob: string) =>
  ((await sb.admin(`/calls?path=${encodeURIComponent(glob)}`)) as { calls: Call[] }).calls;

let luna: Access;
let mia: Access;

async function accessFor(handle: string, creatorHandle: string, kind: "creator" | "agency"): Promise<Access> {
  const { connection } = await connectAccount(sb, handle);
  const accounts = (await sb.admin("/accounts")) as { uuid: string; handle: string }[];
  const creator = accounts.find((a) => a.handle === creatorHandle)!;
  return {
    workspace: { id: `ws-${handle}`, kind, name: handle, connectionId: connection.id },
    membership: { id: "m", role: "owner", allCreators: true, creatorIds: [] },
    creator: {
      id: `cr-${creatorHandle}`,
      fanvueUuid: creator.uuid,
      handle: creatorHandle,
      displayName: creatorHandle,
      avatarUrl: null,
    },
  };
}

beforeAll(async () => {
  luna = await accessFor("luna", "luna", "creator");
  mia = await accessFor("atlas", "mia", "agency");
});
cleanUpBetweenTests(sb, db);

describe("vault grid", () => {
  it("returns one Fanvue page of 50 with square thumbnails that load, newest first, and a cursor", async () => {
    const page = await listVault(luna, {});
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).toBe("2");
    const ready = page.items.filter(
      (i) => i.status === "ready" && (i.mediaType === "image" || i.mediaType === "video"),
    );
    expect(ready.length).toBeGreaterThan(30);
    const dates = page.items.flatMap((i) => (i.createdAt ? [Date.parse(i.createdAt)] : []));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const res = await fetch(ready[0]!.thumb!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("image/svg+xml");
    expect(ready[0]!.thumb!.width).toBe(ready[0]!.thumb!.height);
    // URLs are good for the sandbox's 600 s; we stop trusting them a minute early.
    const ttl = Date.parse(page.urlsExpireAt!) - Date.now();
    expect(ttl).toBeGreaterThan(500_000);
    expect(ttl).toBeLessThanOrEqual(540_000);
    const [call] = await calls("/media");
    expect(call!.query).toMatchObject({
      page: "1",
      size: "50",
      status: "processing,ready,error",
      variants: "main,thumbnail_gallery",
    });
  });

  it("filters videos, with their length, and pages on through the cursor", async () => {
    const first = await listVault(luna, { type: "video" });
    expect(first.items.length).toBeGreaterThan(0);
    for (const i of first.items.filter((x) => x.status === "ready")) {
      expect(i.mediaType).toBe("video");
      expect(i.lengthMs).toBeGreaterThan(0);
    }
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listVault(luna, { cursor });
      all.push(...p.items.map((i) => i.uuid));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    // The test world holds 70 items: more than one page.
    expect(all.length).toBeGreaterThan(50);
  });

  it("searches names and captions by scanning pages, and continues where it stopped", async () => {
    const p = await listVault(luna, { q: "img_10" });
    expect(p.items.length).toBeGreaterThan(0);
    for (const i of p.items) expect(`${i.name} ${i.caption}`.toLowerCase()).toContain("img_10");
    expect(p.checked).toBeGreaterThan(p.items.length);
    const none = await listVault(luna, { q: "no such media anywhere" });
    expect(none.items).toEqual([]);
    expect(none.nextCursor).toBeNull();
  });

  it("hides abandoned uploads (status created)", async () => {
    const { startUpload } = await import("@/lib/server/media/uploads");
    const s = await startUpload(luna, {
      filename: "abandoned.jpg",
      name: "abandoned.jpg",
      mimeType: "image/jpeg",
      sizeBytes: 1000,
    });
    const page = await listVault(luna, {});
    expect(page.items.map((i) => i.uuid)).not.toContain(s.mediaUuid);
  });
});

describe("signed URLs", () => {
  it("re-resolves an expired variant URL: the old one is refused, the new one loads", async () => {
    const page = await listVault(luna, { type: "image" });
    const item = page.items.find((i) => i.thumb)!;
    expect((await fetch(item.thumb!.url)).status).toBe(200);
    await sb.admin("/media/expire-urls", {});
    expect((await fetch(item.thumb!.url)).status).toBe(403);
    const { items } = await lookupMedia(luna, [item.uuid]);
    expect(items[0]!.thumb!.url).not.toBe(item.thumb!.url);
    expect((await fetch(items[0]!.thumb!.url)).status).toBe(200);
    // Re-reading the item's source page resolves a whole page in one call.
    const again = await listVault(luna, { type: "image", cursor: String(item.src) });
    const fresh = again.items.find((i) => i.uuid === item.uuid)!;
    expect((await fetch(fresh.thumb!.url)).status).toBe(200);
  });

  it("previews with main and blurred variants, and says clearly when media is not this creator's", async () => {
    const page = await listVault(luna, { type: "video" });
    const video = page.items.find((i) => i.status === "ready")!;
    const d = await getMediaDetails(luna, video.uuid);
    expect(d.main!.url).toMatch(/main\.mp4/);
    expect(d.blurred!.width).toBeLessThan(d.main!.width!);
    expect((await fetch(d.main!.url)).headers.get("content-type")).toBe("video/mp4");
    expect(d.folders).toContain("Videos");
    const miaPage = await listVault(mia, {});
    await expect(getMediaDetails(luna, miaPage.items[0]!.uuid)).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringContaining("@luna's vault"),
    });
    const { items } = await lookupMedia(luna, [miaPage.items[0]!.uuid]);
    expect(items[0]!.status).toBe("missing");
  });
});

describe("folders", () => {
  it("creates, refuses a duplicate name (409), renames and deletes without touching media", async () => {
    await folders.createVaultFolder(luna, "Summer 26");
    const dup = await folders.createVaultFolder(luna, "Summer 26").catch((e) => e);
    expect(dup).toBeInstanceOf(ApiError);
    expect(dup).toMatchObject({ code: "conflict", message: expect.stringContaining("already exists") });
    const clash = await folders.renameVaultFolder(luna, "Summer 26", "Sets").catch((e) => e);
    expect(clash).toMatchObject({ code: "conflict" });
    const names = (await folders.listVaultFolders(luna)).map((f) => f.name);
    expect(names).toContain("Summer 26");
    await folders.renameVaultFolder(luna, "Summer 26", "Summer ’26 ✨");
    const page = await listVault(luna, { type: "image" });
    const three = page.items.slice(0, 3).map((i) => i.uuid);
    expect(await folders.addToVaultFolder(luna, "Summer ’26 ✨", three)).toEqual({ addedCount: 3 });
    const inFolder = await listVault(luna, { folder: "Summer ’26 ✨" });
    expect(inFolder.items.map((i) => i.uuid).sort()).toEqual([...three].sort());
    expect((await getMediaDetails(luna, three[0]!)).folders).toContain("Summer ’26 ✨");
    await folders.deleteVaultFolder(luna, "Summer ’26 ✨");
    expect((await folders.listVaultFolders(luna)).map((f) => f.name)).not.toContain("Summer ’26 ✨");
    expect((await lookupMedia(luna, three)).items.every((i) => i.status === "ready")).toBe(true);
  });

  it("refuses media of another creator and leaves the folder as it was", async () => {
    await folders.createVaultFolder(luna, "Mixed");
    const mine = (await listVault(luna, { type: "image" })).items[0]!.uuid;
    const theirs = (await listVault(mia, {})).items[0]!.uuid;
    const err = await folders.addToVaultFolder(luna, "Mixed", [mine, theirs]).catch((e) => e);
    expect(err).toMatchObject({
      code: "invalid_input",
      message:
        "Fanvue did not accept the selected media for this folder (they may not be in this creator's vault). Nothing was changed.",
    });
    expect((await folders.listVaultFolders(luna)).find((f) => f.name === "Mixed")!.mediaCount).toBe(0);
  });

  it("puts removed items back when a later removal fails", async () => {
    await folders.createVaultFolder(luna, "Undo");
    const uuids = (await listVault(luna, { type: "image" })).items.slice(0, 4).map((i) => i.uuid);
    await folders.addToVaultFolder(luna, "Undo", uuids);
    await sb.admin("/faults", { path: `/vault/folders/Undo/media/${uuids[3]}`, method: "DELETE", status: 500 });
    const err = await folders.removeFromVaultFolder(luna, "Undo", uuids).catch((e) => e);
    expect(err).toBeTruthy();
    const after = await listVault(luna, { folder: "Undo" });
    expect(after.items.map((i) => i.uuid).sort()).toEqual([...uuids].sort());
    await sb.admin("/faults", undefined, "DELETE");
    expect(await folders.removeFromVaultFolder(luna, "Undo", uuids.slice(0, 2))).toEqual({ removedCount: 2 });
    const gone = await folders.removeFromVaultFolder(luna, "No such folder", uuids.slice(0, 1)).catch((e) => e);
    expect(gone).toMatchObject({
      code: "not_found",
      message:
        "The folder “No such folder” is not on Fanvue any more: it may have been renamed or deleted. Reload the folder list.",
    });
  });
});

describe("agency-managed creator", () => {
  it("reads the vault and folders through /creators/{c}/… on the creator's bucket", async () => {
    const page = await listVault(mia, {});
    expect(page.items.length).toBeGreaterThan(0);
    await folders.listVaultFolders(mia);
    const log = [...(await calls("/creators/*/media")), ...(await calls("/creators/*/vault/folders"))];
    expect(log.length).toBe(2);
    expect(log.every((c) => c.path.startsWith(`/creators/${mia.creator.fanvueUuid}/`))).toBe(true);
  });
});

describe("search over a large vault", () => {
  it("scans in waves with a budget per answer, and the cursor continues where it stopped", async () => {
    const c = sb.state.world.creators.get(luna.creator.fanvueUuid)!;
    const oldest = Math.min(...c.media.map((m) => m.createdAt));
    const template = c.media.find((m) => m.mediaType === "image" && m.status === "ready")!;
    for (let i = 0; i < 500; i++) {
      const m = {
        ...template,
        uuid: crypto.randomUUID(),
        name: i === 499 ? "needle.jpg" : `HAY_${i}.jpg`,
        caption: null,
        createdAt: oldest - (i + 1) * 60_000,
      };
      c.media.unshift(m);
      c.mediaIndex.set(m.uuid, m);
    }
    await sb.admin("/calls", undefined, "DELETE");
    const first = await listVault(luna, { q: "needle" });
    expect(first.items).toEqual([]);
    expect(first.checked).toBe(300);
    expect(first.nextCursor).toBe("7");
    const pages = (await calls("/media")).map((x) => Number(x.query.page)).sort((a, b) => a - b);
    expect(pages).toEqual([1, 2, 3, 4, 5, 6]);
    let cursor: string | null = first.nextCursor;
    const found: string[] = [];
    while (cursor) {
      const p = await listVault(luna, { q: "needle", cursor });
      found.push(...p.items.map((i) => i.name!));
      cursor = p.nextCursor;
    }
    expect(found).toEqual(["needle.jpg"]);
  });
});
