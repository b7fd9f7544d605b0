import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { allPages, lenient, startContentSandbox, undocumentedBody, type Harness } from "./api/content-testing";

let h: Harness;
let luna: string;

beforeAll(async () => {
  h = await startContentSandbox();
  luna = await h.token("luna");
});
afterAll(() => h.close());
beforeEach(() => h.sb.state.buckets.clear());

const enc = encodeURIComponent;
const ownMedia = (handle: string, n: number) =>
  h
    .creator(handle)
    .media.slice(0, n)
    .map((m) => m.uuid);

describe("vault folders", () => {
  it("lists every folder in one answer, with media counts that agree with each folder's media list", async () => {
    const res = await h.json(luna, "GET", "/vault/folders");
    expect(res.status).toBe(200);
    expect(res.body.pagination).toEqual({ page: 1, size: h.creator("luna").folders.length, hasMore: false });
    for (const f of res.body.data) {
      expect(Object.keys(f).sort()).toEqual(["createdAt", "mediaCount", "name"]);
      const media = await allPages(h, luna, `/vault/folders/${enc(f.name)}/media`);
      expect(media).toHaveLength(f.mediaCount);
      if (media[0]) expect(Object.keys(media[0]).sort()).toEqual(["createdAt", "mediaType", "name", "uuid"]);
    }
    expect(res.body.data.some((f: { mediaCount: number }) => f.mediaCount > 0)).toBe(true);
  });

  it("takes no page or size on the folder list: ignored (lenient), refused naming them (strict)", async () => {
    const all = (await h.json(luna, "GET", "/vault/folders")).body;
    const { result, undocumented } = await lenient(h, () => h.json(luna, "GET", "/vault/folders?size=2&page=2"));
    expect(result).toEqual({ status: 200, body: all });
    expect(undocumented).toEqual(["query.size", "query.page"]);
    expect(await h.json(luna, "GET", "/vault/folders?page=2")).toEqual({
      status: 400,
      body: undocumentedBody(["query.page"], "GET /vault/folders"),
    });
  });

  it("creates (201), reads, renames (204) and deletes (204) a folder named with spaces and accents", async () => {
    const name = "Días de playa ☀️";
    const created = await h.json(luna, "POST", "/vault/folders", { name });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ name, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), mediaCount: 0 });
    expect(Math.abs(Date.parse(created.body.createdAt) - h.sb.state.clock.now())).toBeLessThan(5000);
    expect((await h.json(luna, "GET", `/vault/folders/${enc(name)}`)).body).toEqual(created.body);
    expect((await h.json(luna, "POST", "/vault/folders", { name })).status).toBe(409);
    const renamed = await h.call(luna, "PATCH", `/vault/folders/${enc(name)}`, { name: "Beach" });
    expect(renamed.status).toBe(204);
    expect(await renamed.text()).toBe("");
    expect(await h.json(luna, "GET", `/vault/folders/${enc(name)}`)).toEqual({
      status: 404,
      body: { message: "Folder not found" },
    });
    expect((await h.json(luna, "GET", "/vault/folders/Beach")).body.name).toBe("Beach");
    const conflict = await h.json(luna, "PATCH", "/vault/folders/Beach", { name: "Sets" });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toMatch(/already exists/);
    expect((await h.call(luna, "PATCH", "/vault/folders/Beach", { name: "Beach" })).status).toBe(204);
    expect((await h.call(luna, "DELETE", "/vault/folders/Beach")).status).toBe(204);
    expect((await h.json(luna, "DELETE", "/vault/folders/Beach")).status).toBe(404);
  });

  it.each([
    [{}, "name is required"],
    [{ name: "" }, "name must be at least 1 character"],
    [{ name: "   " }, "name must not be empty"],
    [{ name: "x".repeat(256) }, "name must be at most 255 characters"],
    [{ name: "a/b" }, 'name must not contain "/"'],
    [{ name: 42 }, "name must be a string"],
  ])("rejects folder name %j on create and rename", async (body, message) => {
    expect(await h.json(luna, "POST", "/vault/folders", body)).toEqual({ status: 400, body: { errors: [message] } });
    expect(await h.json(luna, "PATCH", "/vault/folders/Sets", body)).toEqual({
      status: 400,
      body: { errors: [message] },
    });
  });

  it("adds own media (201 addedCount), removes it (204) and deleting the folder keeps the media", async () => {
    await h.json(luna, "POST", "/vault/folders", { name: "Picks" });
    const [a, b] = ownMedia("luna", 2) as [string, string];
    expect(await h.json(luna, "POST", "/vault/folders/Picks/media", { mediaUuids: [a, b] })).toEqual({
      status: 201,
      body: { addedCount: 2 },
    });
    expect((await h.json(luna, "POST", "/vault/folders/Picks/media", { mediaUuids: [a, a] })).body).toEqual({
      addedCount: 0,
    });
    expect((await h.json(luna, "GET", "/vault/folders/Picks")).body.mediaCount).toBe(2);
    const listed = await allPages(h, luna, "/vault/folders/Picks/media");
    expect(listed.map((m) => m.uuid).sort()).toEqual([a, b].sort());
    const viaFilter = await allPages(h, luna, "/media?folderName=Picks");
    expect(viaFilter.map((m) => m.uuid).sort()).toEqual([a, b].sort());
    expect((await h.call(luna, "DELETE", `/vault/folders/Picks/media/${a}`)).status).toBe(204);
    expect(await h.json(luna, "DELETE", `/vault/folders/Picks/media/${a}`)).toEqual({
      status: 404,
      body: { message: "Media not found in this folder" },
    });
    expect(await h.json(luna, "DELETE", "/vault/folders/Picks/media/nope")).toEqual({
      status: 400,
      body: { message: "mediaUuid must be a valid UUID" },
    });
    expect((await h.json(luna, "GET", "/vault/folders/Picks")).body.mediaCount).toBe(1);
    expect((await h.call(luna, "DELETE", "/vault/folders/Picks")).status).toBe(204);
    expect((await h.json(luna, "GET", `/media/${b}`)).status).toBe(200);
    expect((await h.json(luna, "GET", "/vault/folders/Picks/media")).status).toBe(404);
  });

  it("refuses foreign, malformed or empty media lists and unknown folders", async () => {
    const foreign = ownMedia("mia", 1)[0]!;
    const res = await h.json(luna, "POST", "/vault/folders/Sets/media", { mediaUuids: [foreign] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatch(/must reference your own media/);
    expect(await h.json(luna, "POST", "/vault/folders/Sets/media", { mediaUuids: [] })).toEqual({
      status: 400,
      body: { errors: ["mediaUuids must be at least 1 item"] },
    });
    expect(await h.json(luna, "POST", "/vault/folders/Sets/media", { mediaUuids: ["x"] })).toEqual({
      status: 400,
      body: { errors: ["mediaUuids.0 must be a valid UUID"] },
    });
    expect(await h.json(luna, "POST", "/vault/folders/Sets/media", "nope")).toEqual({
      status: 400,
      body: { errors: ["body must be valid JSON"] },
    });
    expect(
      (await h.json(luna, "POST", "/vault/folders/Nowhere/media", { mediaUuids: ownMedia("luna", 1) })).status,
    ).toBe(404);
    expect((await h.json(luna, "GET", "/vault/folders/Nowhere")).status).toBe(404);
  });

  it("needs read:media to read and write:media to write", async () => {
    const readOnly = await h.token("luna", ["read:media"]);
    expect((await h.json(readOnly, "GET", "/vault/folders")).status).toBe(200);
    const denied = await h.json(readOnly, "POST", "/vault/folders", { name: "Nope" });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatch(/write:media/);
    const none = await h.token("luna", ["read:self"]);
    expect((await h.json(none, "GET", "/vault/folders/Sets/media")).status).toBe(403);
  });
});

describe("creator-scoped vault folders (agency)", () => {
  it("reads a managed creator's folder media and manages folders with write:creator", async () => {
    const atlas = await h.token("atlas");
    const mia = h.uuidOf("mia");
    const folder = h.creator("mia").folders.find((f) => f.mediaUuids.length > 0)!;
    const media = await h.json(atlas, "GET", `/creators/${mia}/vault/folders/${enc(folder.name)}/media?size=50`);
    expect(media.status).toBe(200);
    expect(media.body.data.map((m: { uuid: string }) => m.uuid).sort()).toEqual([...folder.mediaUuids].sort());
    const created = await h.json(atlas, "POST", `/creators/${mia}/vault/folders`, { name: "Agency picks" });
    expect(created.status).toBe(201);
    expect(h.creator("mia").folders.some((f) => f.name === "Agency picks")).toBe(true);
    expect(h.creator("luna").folders.some((f) => f.name === "Agency picks")).toBe(false);
    const outside = await h.json(atlas, "GET", `/creators/${h.uuidOf("luna")}/vault/folders/Sets/media`);
    expect(outside).toEqual({ status: 403, body: { error: "Creator is not part of your agency" } });
    const readOnly = await h.token("atlas", ["read:creator", "read:media", "write:media"]);
    const noWrite = await h.json(readOnly, "POST", `/creators/${mia}/vault/folders`, { name: "X" });
    expect(noWrite.status).toBe(403);
    expect(noWrite.body.error).toMatch(/write:creator/);
    // The team member with access to mia only cannot reach nova.
    const sam = await h.token("sam");
    expect((await h.json(sam, "GET", `/creators/${mia}/vault/folders`)).status).toBe(200);
    expect((await h.json(sam, "GET", `/creators/${h.uuidOf("nova")}/vault/folders`)).status).toBe(403);
  });
});
