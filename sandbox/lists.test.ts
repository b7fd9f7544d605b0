// Contract tests for §5.5 smart lists, custom lists and templates, with the
// read-only agency mirror of lists (§6).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages, startChatKit, type ChatKit } from "./api/chats-testkit";
import { SMART_LISTS, smartListMembers } from "./world/queries";

let kit: ChatKit;
let luna: string;
let atlas: string;
let sam: string;

beforeAll(async () => {
  kit = await startChatKit(90);
  luna = await kit.token("luna");
  atlas = await kit.token("atlas");
  sam = await kit.token("sam");
});
afterAll(() => kit.close());

const MISSING = "00000000-0000-4000-8000-000000000000";

describe("smart lists", () => {
  it("returns a bare array with live counts", async () => {
    const r = await kit.call(luna, "GET", "/chats/lists/smart");
    expect(r.status).toBe(200);
    const c = kit.creator("luna");
    expect(r.body).toEqual(
      SMART_LISTS.map((l) => ({ name: l.name, uuid: l.uuid, count: smartListMembers(c, l.uuid).length })),
    );
    expect(r.body.find((l: any) => l.uuid === "subscribers").count).toBe(
      c.relations.filter((x) => x.status === "subscriber").length,
    );
  });

  it("pages members of a smart list and 404s unknown ids", async () => {
    const c = kit.creator("luna");
    const members = await allPages(kit, luna, "/chats/lists/smart/followers", 20);
    expect(members.map((m) => m.uuid)).toEqual(smartListMembers(c, "followers").map((i) => c.fans[i]!.uuid));
    expect(members[0]).toEqual({
      uuid: members[0].uuid,
      displayName: expect.any(String),
      handle: expect.any(String),
      isCreator: false,
    });
    const p = await kit.call(luna, "GET", "/chats/lists/smart/followers?size=3&page=2");
    expect(p.body.pagination).toEqual({ page: 2, size: 3, hasMore: true });
    expect(p.body.data).toEqual(members.slice(3, 6));
    const unknown = await kit.call(luna, "GET", "/chats/lists/smart/all_fans");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: "Smart list not found" });
  });

  it("needs read:fan and works on the agency mirror within the agency", async () => {
    const noFan = await kit.token("luna", ["openid", "read:chat"]);
    expect((await kit.call(noFan, "GET", "/chats/lists/smart")).status).toBe(403);
    const mia = kit.uuidOf("mia");
    const r = await kit.call(atlas, "GET", `/creators/${mia}/chats/lists/smart/subscribers?size=50`);
    expect(r.status).toBe(200);
    const c = kit.creator("mia");
    expect(r.body.data.length).toBe(smartListMembers(c, "subscribers").length);
    expect((await kit.call(sam, "GET", `/creators/${kit.uuidOf("ivy")}/chats/lists/smart`)).status).toBe(403);
  });
});

describe("custom lists", () => {
  it("lists with membersCount and search", async () => {
    const c = kit.creator("luna");
    const all = await allPages(kit, luna, "/chats/lists/custom");
    expect(all).toEqual(
      c.customLists.map((l) => ({
        uuid: l.uuid,
        name: l.name,
        membersCount: l.members.size,
        createdAt: new Date(l.createdAt).toISOString(),
      })),
    );
    const found = await kit.call(luna, "GET", "/chats/lists/custom?search=REG");
    expect(found.body.data.map((l: any) => l.name)).toEqual(["Regulars"]);
    // The reference sets no length limit on this search: a long one finds nothing.
    expect((await kit.call(luna, "GET", `/chats/lists/custom?search=${"a".repeat(101)}`)).body.data).toEqual([]);
    // The agency route documents no search at all.
    const agency = await kit.call(atlas, "GET", `/creators/${kit.uuidOf("mia")}/chats/lists/custom?search=VIP`);
    expect(agency.status).toBe(400);
    expect(agency.body.errors[0]).toMatch(/^query\.search is not documented/);
  });

  it("creates, renames, fills, empties and deletes a list, with every change visible", async () => {
    const c = kit.creator("luna");
    const made = await kit.call(luna, "POST", "/chats/lists/custom", { name: "Whales" });
    expect(made.status).toBe(201);
    expect(Object.keys(made.body).sort()).toEqual(["createdAt", "name", "uuid"]);
    const id = made.body.uuid;
    expect((await kit.call(luna, "POST", "/chats/lists/custom", { name: "whales" })).status).toBe(409);
    const uuids = [c.fans[0]!.uuid, c.fans[1]!.uuid];
    const add = await kit.call(luna, "POST", `/chats/lists/custom/${id}/members`, { userUuids: uuids });
    expect(add.status).toBe(201);
    expect(add.body).toEqual({ added: 2, skipped: 0 });
    const again = await kit.call(luna, "POST", `/chats/lists/custom/${id}/members`, {
      userUuids: [uuids[0], c.fans[2]!.uuid, kit.uuidOf("felix")],
    });
    expect(again.body).toEqual({ added: 1, skipped: 2 });
    const members = await kit.call(luna, "GET", `/chats/lists/custom/${id}`);
    expect(members.body.data.map((m: any) => m.uuid)).toEqual([c.fans[0]!.uuid, c.fans[1]!.uuid, c.fans[2]!.uuid]);
    expect(members.body.data[0]).toEqual({
      uuid: c.fans[0]!.uuid,
      displayName: c.fans[0]!.displayName,
      handle: c.fans[0]!.handle,
      isCreator: false,
    });
    const listed = (await allPages(kit, luna, "/chats/lists/custom")).find((l) => l.uuid === id);
    expect(listed).toMatchObject({ name: "Whales", membersCount: 3 });
    expect(
      (await allPages(kit, luna, `/chats?customListId=${id}`)).every(
        (x) => uuids.includes(x.user.uuid) || x.user.uuid === c.fans[2]!.uuid,
      ),
    ).toBe(true);

    expect((await kit.call(luna, "DELETE", `/chats/lists/custom/${id}/members/${uuids[1]}`)).status).toBe(204);
    const gone = await kit.call(luna, "DELETE", `/chats/lists/custom/${id}/members/${uuids[1]}`);
    expect(gone.status).toBe(404);
    expect(Object.keys(gone.body)).toEqual(["message"]);
    expect((await allPages(kit, luna, "/chats/lists/custom")).find((l) => l.uuid === id).membersCount).toBe(2);

    expect((await kit.call(luna, "PATCH", `/chats/lists/custom/${id}`, { name: "Big spenders" })).status).toBe(204);
    expect((await kit.call(luna, "PATCH", `/chats/lists/custom/${id}`, { name: "Big spenders" })).status).toBe(204);
    const clash = await kit.call(luna, "PATCH", `/chats/lists/custom/${id}`, { name: "VIP" });
    expect(clash.status).toBe(409);
    expect(typeof clash.body.message).toBe("string");
    expect((await allPages(kit, luna, "/chats/lists/custom")).find((l) => l.uuid === id).name).toBe("Big spenders");

    expect((await kit.call(luna, "DELETE", `/chats/lists/custom/${id}`)).status).toBe(204);
    expect((await allPages(kit, luna, "/chats/lists/custom")).some((l) => l.uuid === id)).toBe(false);
    for (const [method, path, body] of [
      ["GET", `/chats/lists/custom/${id}`],
      ["PATCH", `/chats/lists/custom/${id}`, { name: "x" }],
      ["DELETE", `/chats/lists/custom/${id}`],
      ["POST", `/chats/lists/custom/${id}/members`, { userUuids: uuids }],
    ] as const) {
      const r = await kit.call(luna, method, path, body);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body).toEqual({ message: "Custom list not found" });
    }
  });

  it("validates names, member lists and path uuids", async () => {
    for (const body of [{}, { name: "" }, { name: "   " }, { name: 7 }, { name: "x".repeat(101) }, "{"]) {
      const r = await kit.call(luna, "POST", "/chats/lists/custom", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(Array.isArray(r.body.errors)).toBe(true);
    }
    const id = kit.creator("luna").customLists[0]!.uuid;
    for (const body of [
      {},
      { userUuids: [] },
      { userUuids: ["x"] },
      { userUuids: Array.from({ length: 101 }, () => MISSING) },
    ]) {
      const r = await kit.call(luna, "POST", `/chats/lists/custom/${id}/members`, body);
      expect(r.status).toBe(400);
      expect(Array.isArray(r.body.errors)).toBe(true);
    }
    const bad = await kit.call(luna, "GET", "/chats/lists/custom/not-a-uuid");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(["message"]);
    expect((await kit.call(luna, "DELETE", `/chats/lists/custom/${id}/members/bad`)).status).toBe(400);
    expect(
      (
        await kit.call(await kit.token("luna", ["openid", "read:chat", "read:fan"]), "POST", "/chats/lists/custom", {
          name: "No scope",
        })
      ).status,
    ).toBe(403);
  });

  it("is read-only on the agency mirror", async () => {
    const mia = kit.uuidOf("mia");
    const c = kit.creator("mia");
    const r = await kit.call(sam, "GET", `/creators/${mia}/chats/lists/custom`);
    expect(r.status).toBe(200);
    expect(r.body.data.map((l: any) => l.uuid)).toEqual(c.customLists.map((l) => l.uuid));
    const one = await kit.call(sam, "GET", `/creators/${mia}/chats/lists/custom/${c.customLists[2]!.uuid}?size=50`);
    expect(one.body.data.length).toBe(c.customLists[2]!.members.size);
    const write = await kit.call(atlas, "POST", `/creators/${mia}/chats/lists/custom`, { name: "Agency list" });
    expect(write.status).toBe(405);
    expect(c.customLists.some((l) => l.name === "Agency list")).toBe(false);
    expect((await kit.call(atlas, "GET", `/creators/${kit.uuidOf("luna")}/chats/lists/custom`)).status).toBe(403);
  });
});

describe("templates", () => {
  it("lists templates, filters by folder (case-insensitive, partial) and reads one", async () => {
    const c = kit.creator("luna");
    const all = await allPages(kit, luna, "/chats/templates");
    expect(all).toEqual(
      c.templates.map((t) => ({
        uuid: t.uuid,
        text: t.text,
        price: t.price,
        mediaUuids: t.mediaUuids,
        folderName: t.folderName,
      })),
    );
    const welcome = await kit.call(luna, "GET", "/chats/templates?folderName=WEL");
    expect((await kit.call(luna, "GET", "/chats/templates?folder=WEL")).status).toBe(400);
    expect(welcome.body.data.length).toBe(c.templates.filter((t) => t.folderName === "Welcome").length);
    expect(welcome.body.data.every((t: any) => t.folderName === "Welcome")).toBe(true);
    const page = await kit.call(luna, "GET", "/chats/templates?size=2&page=2");
    expect(page.body).toEqual({ data: all.slice(2, 4), pagination: { page: 2, size: 2, hasMore: true } });
    const one = await kit.call(luna, "GET", `/chats/templates/${all[2].uuid}`);
    expect(one.body).toEqual(all[2]);
    expect((await kit.call(luna, "GET", `/chats/templates/${MISSING}`)).body).toEqual({
      message: "Template not found",
    });
    expect((await kit.call(luna, "GET", "/chats/templates/xyz")).status).toBe(400);
    expect((await kit.call(luna, "GET", "/chats/templates?size=0")).status).toBe(400);
    // §6: no agency template reads; the path only matches other methods' routes.
    expect([404, 405]).toContain(
      (await kit.call(atlas, "GET", `/creators/${kit.uuidOf("mia")}/chats/templates`)).status,
    );
  });
});
