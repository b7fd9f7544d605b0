// Contract tests for §5.4 mass messages: send now and scheduled (delivered when
// the sandbox clock passes), list with derived counts, unsend; agency mirror.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allPages, longText, startChatKit, type ChatKit } from "./api/chats-testkit";

let kit: ChatKit;
let luna: string;
let atlas: string;
let sam: string;

beforeAll(async () => {
  kit = await startChatKit(150);
  luna = await kit.token("luna");
  atlas = await kit.token("atlas");
  sam = await kit.token("sam");
});
afterAll(() => kit.close());

// Exactly the reference's list item: no audience lists, no sender.
const ITEM_KEYS = [
  "createdAt",
  "mediaUuids",
  "price",
  "publishedAt",
  "purchaseCount",
  "recipientCount",
  "scheduledAt",
  "status",
  "text",
  "totalRevenue",
  "uuid",
  "viewCount",
];
const none = { smartListUuids: [], customListUuids: [] };

/** A fresh custom list with the given fans (by index) of luna's audience. */
async function listOf(name: string, fanIdxs: number[]) {
  const c = kit.creator("luna");
  const made = await kit.call(luna, "POST", "/chats/lists/custom", { name });
  await kit.call(luna, "POST", `/chats/lists/custom/${made.body.uuid}/members`, {
    userUuids: fanIdxs.map((i) => c.fans[i]!.uuid),
  });
  return made.body.uuid as string;
}

async function topMessage(fanUuid: string, token = luna, prefix = "") {
  return (await kit.call(token, "GET", `${prefix}/chats/${fanUuid}/messages?size=1&markAsRead=false`)).body.data[0];
}

describe("POST /chats/mass-messages", () => {
  it("sends now to included minus excluded lists and appends a BROADCAST to each chat", async () => {
    const c = kit.creator("luna");
    const withChat = [...c.chats.keys()].filter((i) => c.relations[i]!.contactable).slice(0, 3);
    const without = c.fans
      .map((_, i) => i)
      .filter((i) => !c.chats.has(i) && c.relations[i]!.contactable)
      .slice(0, 2);
    const included = await listOf("MM included", [...withChat, ...without]);
    const excluded = await listOf("MM excluded", [withChat[2]!]);
    const r = await kit.call(luna, "POST", "/chats/mass-messages", {
      text: "Hello everyone",
      includedLists: { smartListUuids: [], customListUuids: [included] },
      excludedLists: { smartListUuids: [], customListUuids: [excluded] },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(Object.keys(r.body).sort()).toEqual(["createdAt", "id", "recipientCount"]);
    expect(r.body.recipientCount).toBe(4);
    for (const i of [withChat[0]!, withChat[1]!, ...without]) {
      const top = await topMessage(c.fans[i]!.uuid);
      expect(top).toMatchObject({
        uuid: r.body.id,
        type: "BROADCAST",
        text: "Hello everyone",
        sender: { uuid: c.account.uuid },
      });
    }
    expect((await topMessage(c.fans[withChat[2]!]!.uuid)).uuid).not.toBe(r.body.id);
    const chats = await allPages(kit, luna, "/chats");
    const fresh = chats.find((x) => x.user.uuid === c.fans[without[0]!]!.uuid);
    expect(fresh.lastMessage).toMatchObject({ uuid: r.body.id, type: "BROADCAST", senderUuid: c.account.uuid });
    expect((await allPages(kit, luna, `/chats/${c.fans[without[0]!]!.uuid}/messages?markAsRead=false`)).length).toBe(1);
    const listed = (await kit.call(luna, "GET", "/chats/mass-messages?size=1")).body.data[0];
    expect(Object.keys(listed).sort()).toEqual(ITEM_KEYS);
    expect(listed).toMatchObject({
      uuid: r.body.id,
      status: "SENT",
      recipientCount: 4,
      purchaseCount: 0,
      totalRevenue: 0,
      publishedAt: r.body.createdAt,
      scheduledAt: null,
    });
  });

  it("refuses smart lists the reference does not list, and skips uncontactable fans", async () => {
    const unknown = await kit.call(luna, "POST", "/chats/mass-messages", {
      text: "x",
      includedLists: { smartListUuids: ["all_fans_typo"] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.join(" ")).toMatch(
      /includedLists\.smartListUuids\.0 must be one of: subscribers, auto_renewing/,
    );
    const c = kit.creator("luna");
    const subs = c.relations.filter((r) => r.status === "subscriber" && r.contactable).length;
    const media = c.media.find((m) => m.status === "ready")!.uuid;
    const r = await kit.call(luna, "POST", "/chats/mass-messages", {
      mediaUuids: [media],
      price: 700,
      includedLists: { smartListUuids: ["subscribers"] },
    });
    expect(r.body.recipientCount).toBe(subs);
    const subscriber = c.fans[c.relations.findIndex((x) => x.status === "subscriber" && x.contactable)]!;
    expect(await topMessage(subscriber.uuid)).toMatchObject({
      uuid: r.body.id,
      pricing: { USD: { price: 700 } },
      mediaUuids: [media],
    });
  });

  it("validates the body", async () => {
    const media = kit.creator("luna").media.find((m) => m.status === "ready")!.uuid;
    const inc = { smartListUuids: ["subscribers"] };
    const past = new Date(kit.sb.state.clock.now() - 60_000).toISOString();
    const cases: [unknown, RegExp][] = [
      [{ text: "x" }, /includedLists is required/],
      [{ text: "x", includedLists: none }, /at least one list/],
      [{ text: "x", includedLists: [] }, /must be an object/],
      [{ text: "x", includedLists: { smartListUuids: "subscribers" } }, /smartListUuids/],
      [{ text: "x", includedLists: { customListUuids: ["00000000-0000-4000-8000-000000000000"] } }, /unknown lists/],
      [
        { text: "x", includedLists: { customListUuids: ["nope"] } },
        /includedLists.customListUuids.0 must be a valid UUID/,
      ],
      [{ includedLists: inc }, /text or media/],
      [{ text: "", includedLists: inc }, /at least 1/],
      [{ text: longText(5001), includedLists: inc }, /at most 5000/],
      [{ text: "x", price: 500, includedLists: inc }, /requires at least one media/],
      [{ mediaUuids: [media], price: 100, includedLists: inc }, /at least 300/],
      [{ mediaUuids: ["00000000-0000-4000-8000-000000000000"], includedLists: inc }, /own ready media/],
      [{ text: "x", includedLists: inc, scheduledAt: past }, /in the future/],
      [{ text: "x", includedLists: inc, scheduledAt: "tomorrow" }, /scheduledAt must be an ISO 8601 date-time/],
      // Not in the reference: the strict sandbox names it (a lenient one ignores it).
      [{ text: "x", includedLists: inc, scheduled_at: "tomorrow" }, /body\.scheduled_at is not documented/],
      ["[1,2]", /JSON object/],
    ];
    for (const [body, msg] of cases) {
      const r = await kit.call(luna, "POST", "/chats/mass-messages", body);
      expect(r.status, JSON.stringify(body).slice(0, 90)).toBe(400);
      expect(r.body.errors.join(" ")).toMatch(msg);
    }
  });

  it("needs write:chat and read:fan, and respects the agency boundary", async () => {
    const noFan = await kit.token("luna", ["openid", "write:chat", "read:chat"]);
    const r = await kit.call(noFan, "POST", "/chats/mass-messages", {
      text: "x",
      includedLists: { smartListUuids: ["subscribers"] },
    });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/read:fan/);
    const mia = kit.uuidOf("mia");
    const viaAgency = await kit.call(atlas, "POST", `/creators/${mia}/chats/mass-messages`, {
      text: "from the agency",
      includedLists: { smartListUuids: ["followers"] },
    });
    expect(viaAgency.status).toBe(201);
    const listed = (await kit.call(atlas, "GET", `/creators/${mia}/chats/mass-messages?size=1`)).body.data[0];
    expect(listed).toMatchObject({ uuid: viaAgency.body.id, status: "SENT" });
    expect(listed).not.toHaveProperty("sentByUserId");
    expect(
      (
        await kit.call(sam, "POST", `/creators/${kit.uuidOf("nova")}/chats/mass-messages`, {
          text: "x",
          includedLists: { smartListUuids: ["followers"] },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await kit.call(atlas, "POST", `/creators/${kit.uuidOf("luna")}/chats/mass-messages`, {
          text: "x",
          includedLists: { smartListUuids: ["followers"] },
        })
      ).status,
    ).toBe(403);
  });
});

describe("scheduled mass messages", () => {
  it("stay queued until the clock passes scheduledAt, then reach the chats", async () => {
    const c = kit.creator("luna");
    const fanIdx = [...c.chats.keys()].filter((i) => c.relations[i]!.contactable)[10]!;
    const list = await listOf("Scheduled target", [fanIdx]);
    const at = new Date(kit.sb.state.clock.now() + 3_600_000).toISOString();
    const r = await kit.call(luna, "POST", "/chats/mass-messages", {
      text: "later",
      includedLists: { customListUuids: [list] },
      scheduledAt: at,
    });
    expect(r.status).toBe(201);
    expect(r.body.recipientCount).toBe(1);
    const queued = (await allPages(kit, luna, "/chats/mass-messages")).find((m) => m.uuid === r.body.id);
    expect(queued).toMatchObject({ status: "SCHEDULED", scheduledAt: at, publishedAt: null, viewCount: 0 });
    const fan = c.fans[fanIdx]!.uuid;
    expect((await topMessage(fan)).uuid).not.toBe(r.body.id);
    await kit.advanceClock(3601);
    expect(await topMessage(fan)).toMatchObject({ uuid: r.body.id, type: "BROADCAST", sentAt: at });
    const sent = (await allPages(kit, luna, "/chats/mass-messages")).find((m) => m.uuid === r.body.id);
    expect(sent).toMatchObject({ status: "SENT", publishedAt: at, recipientCount: 1 });
  });

  it("can be cancelled before they go out", async () => {
    const c = kit.creator("luna");
    const fanIdx = [...c.chats.keys()].filter((i) => c.relations[i]!.contactable)[11]!;
    const list = await listOf("Cancelled target", [fanIdx]);
    const at = new Date(kit.sb.state.clock.now() + 600_000).toISOString();
    const r = await kit.call(luna, "POST", "/chats/mass-messages", {
      text: "never",
      includedLists: { customListUuids: [list] },
      scheduledAt: at,
    });
    expect((await kit.call(luna, "DELETE", `/chats/mass-messages/${r.body.id}`)).status).toBe(204);
    await kit.advanceClock(601);
    expect((await topMessage(c.fans[fanIdx]!.uuid)).uuid).not.toBe(r.body.id);
    const all = await allPages(kit, luna, "/chats/mass-messages?includeDeleted=true");
    expect(all.find((m) => m.uuid === r.body.id)).toMatchObject({ status: "UNSENT", publishedAt: null });
  });
});

describe("the seeded scheduled mass message", () => {
  it("goes out to the subscribers of the moment once the clock passes it", async () => {
    const c = kit.creator("luna");
    const seeded = c.massMessages.find((m) => m.scheduledAt !== null && m.createdAt < kit.sb.state.world.anchor)!;
    const before = (await allPages(kit, luna, "/chats/mass-messages")).find((m) => m.uuid === seeded.uuid);
    const audience = c.relations.filter((r) => r.status === "subscriber" && r.contactable).length;
    expect(before).toMatchObject({ status: "SCHEDULED", recipientCount: audience });
    await kit.advanceClock((seeded.scheduledAt! - kit.sb.state.clock.now()) / 1000 + 1);
    const after = (await allPages(kit, luna, "/chats/mass-messages")).find((m) => m.uuid === seeded.uuid);
    expect(after).toMatchObject({
      status: "SENT",
      publishedAt: new Date(seeded.scheduledAt!).toISOString(),
      recipientCount: audience,
    });
    const fan = c.fans[c.relations.findIndex((r) => r.status === "subscriber" && r.contactable)]!;
    expect(await topMessage(fan.uuid)).toMatchObject({ uuid: seeded.uuid, type: "BROADCAST", text: seeded.text });
  });
});

describe("GET /chats/mass-messages", () => {
  it("derives purchases and revenue from the ledger and hides unsent ones by default", async () => {
    const c = kit.creator("luna");
    const all = await allPages(kit, luna, "/chats/mass-messages");
    expect(all.length).toBe(c.massMessages.filter((m) => m.deletedAt === null).length);
    const created = all.map((m) => Date.parse(m.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const bought = all.find((m) => m.purchaseCount > 0)!;
    const rows = c.ledger.rowsOfRef(bought.uuid);
    expect(bought.purchaseCount).toBe(rows.length);
    expect(bought.totalRevenue).toBe(rows.reduce((n, i) => n + c.ledger.gross[i]!, 0));
    expect(bought.viewCount).toBeGreaterThanOrEqual(bought.purchaseCount);
    expect(bought.viewCount).toBeLessThanOrEqual(bought.recipientCount);
    for (const q of ["includeDeleted=yes", "size=100", "page=-1"])
      expect((await kit.call(luna, "GET", `/chats/mass-messages?${q}`)).status).toBe(400);
    expect(
      (await kit.call(await kit.token("luna", ["openid", "write:chat"]), "GET", "/chats/mass-messages")).status,
    ).toBe(403);
  });
});

describe("DELETE /chats/mass-messages/{uuid}", () => {
  it("unsends: copies vanish except for buyers, status UNSENT, repeat is a no-op", async () => {
    const c = kit.creator("luna");
    const mm = c.massMessages.find(
      (m) =>
        m.sentAt !== null &&
        m.deletedAt === null &&
        c.ledger.rowsOfRef(m.uuid).length > 0 &&
        m.recipients.length > c.ledger.rowsOfRef(m.uuid).length,
    )!;
    const buyers = new Set(c.ledger.rowsOfRef(mm.uuid).map((i) => c.ledger.fanIdx[i]!));
    const buyer = c.fans[[...buyers][0]!]!.uuid;
    const other = c.fans[mm.recipients.find((i) => !buyers.has(i) && c.chats.has(i))!]!.uuid;
    const has = async (fan: string) =>
      (await allPages(kit, luna, `/chats/${fan}/messages?markAsRead=false`)).some((m) => m.uuid === mm.uuid);
    expect(await has(other)).toBe(true);
    expect((await kit.call(luna, "DELETE", `/chats/mass-messages/${mm.uuid}`)).status).toBe(204);
    expect(await has(buyer)).toBe(true);
    expect(await has(other)).toBe(false);
    expect((await allPages(kit, luna, "/chats/mass-messages")).some((m) => m.uuid === mm.uuid)).toBe(false);
    const withDeleted = (await allPages(kit, luna, "/chats/mass-messages?includeDeleted=true")).find(
      (m) => m.uuid === mm.uuid,
    );
    expect(withDeleted).toMatchObject({ status: "UNSENT", purchaseCount: c.ledger.rowsOfRef(mm.uuid).length });
    expect((await kit.call(luna, "DELETE", `/chats/mass-messages/${mm.uuid}`)).status).toBe(204);
  });

  it("answers 404 for unknown, 400 for malformed ids, and works on the agency mirror", async () => {
    const missing = await kit.call(luna, "DELETE", "/chats/mass-messages/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: "Mass message not found" });
    const bad = await kit.call(luna, "DELETE", "/chats/mass-messages/abc");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body)).toEqual(["message"]);
    const mia = kit.uuidOf("mia");
    const made = await kit.call(sam, "POST", `/creators/${mia}/chats/mass-messages`, {
      text: "oops",
      includedLists: { smartListUuids: ["subscribers"] },
    });
    expect((await kit.call(sam, "DELETE", `/creators/${mia}/chats/mass-messages/${made.body.id}`)).status).toBe(204);
    const listed = (await allPages(kit, atlas, `/creators/${mia}/chats/mass-messages?includeDeleted=true`)).find(
      (m) => m.uuid === made.body.id,
    );
    expect(listed).toMatchObject({ status: "UNSENT" });
    expect(
      (await kit.call(atlas, "DELETE", `/creators/${kit.uuidOf("luna")}/chats/mass-messages/${made.body.id}`)).status,
    ).toBe(403);
  });
});

describe("states the sandbox reaches only on request", () => {
  it("reports SENDING, FAILED and MODERATED as Fanvue would, then clears", async () => {
    const made = await kit.call(luna, "POST", "/chats/mass-messages", {
      text: "held",
      includedLists: { smartListUuids: ["subscribers"] },
    });
    for (const status of ["SENDING", "FAILED", "MODERATED"]) {
      const set = await fetch(`${kit.sb.url}/__sandbox/mass-messages/${made.body.id}/status`, {
        method: "POST",
        body: JSON.stringify({ status }),
      });
      expect(set.status).toBe(200);
      expect((await allPages(kit, luna, "/chats/mass-messages")).find((m) => m.uuid === made.body.id)).toMatchObject({
        status,
      });
    }
    await fetch(`${kit.sb.url}/__sandbox/mass-messages/${made.body.id}/status`, {
      method: "POST",
      body: JSON.stringify({ status: null }),
    });
    expect((await allPages(kit, luna, "/chats/mass-messages")).find((m) => m.uuid === made.body.id)).toMatchObject({
      status: "SENT",
    });
    const bad = await fetch(`${kit.sb.url}/__sandbox/mass-messages/${made.body.id}/status`, {
      method: "POST",
      body: JSON.stringify({ status: "LOST" }),
    });
    expect(bad.status).toBe(400);
  });
});
