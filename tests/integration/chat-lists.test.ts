import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Smart and custom lists degrade kind by kind and are cached with their age:
// against a Fanvue that answers 404 for custom lists, the smart lists are
// still offered with a plain note, and a second view costs no call.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getLists } = await import("@/lib/server/chats/lists");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});
afterEach(async () => {
  await sb.admin("/faults", undefined, "DELETE");
  await db.upstreamSnapshot.deleteMany({ where: { key: { startsWith: "chat-lists:" } } });
});

const p = await provisionAccount(sb, "luna");
const luna = (await getCreatorAccess(p.user.id, p.creators.luna!.id))!;
const listCalls = async () => ((await sb.admin("/calls?path=/chats/lists/*&summary=1")) as { total: number }).total;

describe("lists", () => {
  it("offers the smart lists and says custom lists are unavailable when Fanvue answers 404 for them", async () => {
    await sb.admin("/faults", {
      path: "/chats/lists/custom",
      method: "GET",
      status: 404,
      body: { message: "Cannot GET /chats/lists/custom" },
    });
    const lists = await getLists(luna);
    expect(lists.smart.map((l) => l.id)).toContain("subscribers");
    expect(lists.custom).toEqual([]);
    expect(lists.missing).toEqual({ smart: null, custom: "Fanvue does not offer custom lists for this account." });
    expect(lists.canEdit).toBe(false);
    expect(JSON.stringify(lists)).not.toMatch(/Cannot GET/);
  });

  it("keeps smart lists when custom lists fail for a moment (500), and the reverse", async () => {
    await sb.admin("/faults", { path: "/chats/lists/custom", method: "GET", status: 500 });
    const a = await getLists(luna);
    expect(a.smart.length).toBeGreaterThan(0);
    expect(a.missing.custom).toBe("Custom lists could not be loaded from Fanvue just now.");
    await sb.admin("/faults", undefined, "DELETE");
    await db.upstreamSnapshot.deleteMany({ where: { key: { startsWith: "chat-lists:" } } });
    await sb.admin("/faults", { path: "/chats/lists/smart", method: "GET", status: 404 });
    const b = await getLists(luna);
    expect(b.custom.length).toBeGreaterThan(0);
    expect(b.missing).toEqual({ smart: "Fanvue does not offer smart lists for this account.", custom: null });
  });

  it("serves a second view from Postgres with its age: no list call", async () => {
    const first = await getLists(luna);
    await sb.admin("/calls", undefined, "DELETE");
    const again = await getLists(luna);
    expect(await listCalls()).toBe(0);
    expect(again.fetchedAt).toBe(first.fetchedAt);
    expect(again.missing).toEqual({ smart: null, custom: null });
  });

  it("answers the error itself when neither kind can be read (nothing to show)", async () => {
    await sb.admin("/faults", { path: "/chats/lists/*", method: "GET", status: 429, retryAfter: 20 });
    await expect(getLists(luna)).rejects.toMatchObject({ kind: "rate_limited" });
  });
});
