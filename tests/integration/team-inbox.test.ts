import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// The agency's team inbox: every creator in the member's scope, read from the
// chat mirror in one query, newest first across pages without gaps or
// repeats (keyset cursor), each chat tagged with its creator; a creator whose
// first sync has not finished is named, not silently missing.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getTeamInbox } = await import("@/lib/server/chats/team-inbox");
const { fullResync } = await import("@/lib/server/chats/mirror/sync");
const { clientForCreator } = await import("@/lib/server/creators/client");
const { getWorkspaceAccess } = await import("@/lib/server/workspaces/access");
const { unreadForUser } = await import("@/lib/server/unread");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const p = await provisionAccount(sb, "atlas");
const owner = (await getWorkspaceAccess(p.user.id, p.workspace.id))!;
const chatsOf = (handle: string) => sb.state.world.creators.get(p.creators[handle]!.fanvueUuid)!.chats;
const unreadIn = (handle: string) => [...chatsOf(handle).values()].filter((c) => c.unreadCount > 0).length;

async function sync(handle: string) {
  const c = p.creators[handle]!;
  await fullResync(clientForCreator({ workspace: owner.workspace, creator: c }), c.id);
}

async function readAll(access: typeof owner, filter: "all" | "unread" = "all") {
  const items = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await getTeamInbox(access, { filter, sort: "recent", cursor });
    items.push(...page.items);
    if (!page.nextCursor) return { items, last: page };
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

describe("team inbox", () => {
  it("names creators not synced yet instead of showing them as empty", async () => {
    await sync("mia");
    const { items, last } = await readAll(owner);
    expect(items).toHaveLength(chatsOf("mia").size);
    expect(last.failed.map((c) => c.handle).sort()).toEqual(["ivy", "nova"]);
    expect(last.syncedAt).not.toBeNull();
    // The switcher's badges: a count where the copy exists, "unknown" (null) where it does not yet.
    expect(await unreadForUser(p.user.id)).toEqual({
      [p.creators.mia!.id]: unreadIn("mia"),
      [p.creators.nova!.id]: null,
      [p.creators.ivy!.id]: null,
    });
  });

  it("merges every creator's chats, newest first, each once, tagged with its creator", async () => {
    await sync("nova");
    await sync("ivy");
    const { items, last } = await readAll(owner);
    const expected = chatsOf("mia").size + chatsOf("nova").size + chatsOf("ivy").size;
    expect(expected).toBeGreaterThan(30); // more than one page
    expect(items).toHaveLength(expected);
    expect(new Set(items.map((i) => `${i.creator!.id}:${i.fanUuid}`)).size).toBe(expected);
    const times = items.map((i) => i.lastMessageAt ?? "");
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(items.map((i) => i.creator!.handle))).toEqual(new Set(["mia", "nova", "ivy"]));
    expect(last.failed).toEqual([]);
  });

  it("filters unread across creators and shows a staff member only their creators", async () => {
    const unread = (await readAll(owner, "unread")).items;
    const expected = ["mia", "nova", "ivy"].reduce((n, h) => n + unreadIn(h), 0);
    expect(expected).toBeGreaterThan(0);
    expect(unread).toHaveLength(expected);
    const badges = await unreadForUser(p.user.id);
    for (const h of ["mia", "nova", "ivy"]) expect(badges[p.creators[h]!.id], h).toBe(unreadIn(h));
    const scoped = {
      ...owner,
      membership: { ...owner.membership, allCreators: false, creatorIds: [p.creators.mia!.id] },
    };
    const items = (await readAll(scoped)).items;
    expect(items).toHaveLength(chatsOf("mia").size);
    expect(new Set(items.map((i) => i.creator!.handle))).toEqual(new Set(["mia"]));
  });

  it("refuses a cursor it did not make", async () => {
    await expect(getTeamInbox(owner, { filter: "all", sort: "recent", cursor: "bm9wZQ" })).rejects.toMatchObject({
      code: "invalid_input",
    });
    // Well-formed but with a time that is not one: a 400 naming the cursor, never a 500.
    const forged = Buffer.from(JSON.stringify({ at: "not a time", creatorId: "x", fanUuid: "y" })).toString(
      "base64url",
    );
    await expect(getTeamInbox(owner, { filter: "all", sort: "recent", cursor: forged })).rejects.toMatchObject({
      code: "invalid_input",
      extra: { field: "cursor" },
    });
  });
});
