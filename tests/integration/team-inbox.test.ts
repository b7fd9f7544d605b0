import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// The agency's team inbox: every creator in the member's scope, merged newest
// first across pages without gaps or repeats; agency-only filter mapping.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getTeamInbox } = await import("@/lib/server/chats/team-inbox");
const { getInbox } = await import("@/lib/server/chats/inbox");
const { getWorkspaceAccess, getCreatorAccess } = await import("@/lib/server/workspaces/access");

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

const p = await provisionAccount(sb, "atlas");
const owner = (await getWorkspaceAccess(p.user.id, p.workspace.id))!;
const chatsOf = (handle: string) => sb.state.world.creators.get(p.creators[handle]!.fanvueUuid)!.chats.size;

async function readAll(access: typeof owner, filter: "all" | "subscribers" = "all") {
  const items = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await getTeamInbox(access, { filter, sort: "recent", cursor });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

describe("team inbox", () => {
  it("merges every creator's chats, newest first, each once, tagged with its creator", async () => {
    const items = await readAll(owner);
    const expected = chatsOf("mia") + chatsOf("nova") + chatsOf("ivy");
    expect(expected).toBeGreaterThan(30); // more than one page
    expect(items).toHaveLength(expected);
    expect(new Set(items.map((i) => `${i.creator!.id}:${i.fanUuid}`)).size).toBe(expected);
    const times = items.map((i) => i.lastMessageAt ?? "");
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(items.map((i) => i.creator!.handle))).toEqual(new Set(["mia", "nova", "ivy"]));
  });

  it("shows a staff member only the creators they are assigned to", async () => {
    const scoped = { ...owner, membership: { ...owner.membership, allCreators: false, creatorIds: [p.creators.mia!.id] } };
    const items = await readAll(scoped);
    expect(items).toHaveLength(chatsOf("mia"));
    expect(new Set(items.map((i) => i.creator!.handle))).toEqual(new Set(["mia"]));
  });

  it("uses smart lists instead of Fanvue's creator-only filters on agency routes", async () => {
    const mia = (await getCreatorAccess(p.user.id, p.creators.mia!.id))!;
    const subs = await getInbox(mia, { filter: "subscribers", sort: "recent", page: 1 });
    expect(subs.items.length).toBeGreaterThan(0);
    const unanswered = await getInbox(mia, { filter: "unanswered", sort: "recent", page: 1 });
    expect(unanswered.items.every((i) => i.lastMessage && !i.lastMessage.fromCreator)).toBe(true);
    expect(unanswered.note).toMatch(/most unanswered/);
    const calls = (await sb.admin("/calls?path=/creators/*/chats&summary=1")) as { byStatus: Record<string, number> };
    expect(calls.byStatus["403"] ?? 0).toBe(0);
  });
});
