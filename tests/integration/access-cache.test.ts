import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signedInSession } from "../support/live";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Pages and API routes check access from the user's memberships cached for a
// few seconds per process (lib/server/access-cache.ts). The cache must answer
// exactly what the database answers, per user, and forget at once what this
// process changes: a removed member, a narrowed scope, a new member, an ended
// session. Another process's change is seen within the TTL (the last test).

process.env.VUEDECK_COUNT_QUERIES = "1";
const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { queriesSoFar } = await import("@/lib/server/db-count");
const { accessCaches, ACCESS_TTL_MS } = await import("@/lib/server/access-cache");
const { getCreatorAccess, getWorkspaceAccess, listAccessibleCreators } = await import("@/lib/server/workspaces/access");
const { seatCreatorAccess, seatCreators, seatWorkspaceAccess, userSeats } =
  await import("@/lib/server/workspaces/seats");
const { removeMember, updateMember } = await import("@/lib/server/workspaces/team");
const { authAdapter } = await import("@/lib/server/auth-adapter");
const { acceptInvite, createInvite } = await import("@/lib/server/workspaces/invites");
const { accessChanged } = await import("@/lib/server/live/access-change");
cleanUpBetweenTests(sb, db);

const atlas = await provisionAccount(sb, "atlas");
const { mia, nova } = atlas.creators as Record<string, { id: string }>;
const ws = atlas.workspace.id;

async function staff(role: "chatter" | "manager", creatorIds: string[] | null) {
  const user = await db.user.create({ data: { name: `staff-${randomUUID().slice(0, 6)}` } });
  const m = await db.membership.create({
    data: {
      workspaceId: ws,
      userId: user.id,
      role,
      allCreators: creatorIds === null,
      creators: creatorIds ? { create: creatorIds.map((creatorId) => ({ creatorId })) } : undefined,
    },
  });
  return { userId: user.id, membershipId: m.id };
}

describe("cached access checks", () => {
  it("answer what the database answers, for the owner and a scoped member", async () => {
    const chatter = await staff("chatter", [mia!.id]);
    for (const userId of [atlas.user.id, chatter.userId]) {
      expect(await seatWorkspaceAccess(userId, ws)).toEqual(await getWorkspaceAccess(userId, ws));
      for (const c of [mia!, nova!])
        expect(await seatCreatorAccess(userId, c.id)).toEqual(await getCreatorAccess(userId, c.id));
      expect(seatCreators(await userSeats(userId))).toEqual(await listAccessibleCreators(userId));
    }
    expect(await seatCreatorAccess(chatter.userId, nova!.id)).toBeNull();
    expect(await seatCreatorAccess(chatter.userId, "no-such-creator")).toBeNull();
  });

  it("read the database once per TTL: a warm check sends no query", async () => {
    await seatCreatorAccess(atlas.user.id, mia!.id);
    const before = queriesSoFar();
    const warm = await seatCreatorAccess(atlas.user.id, nova!.id);
    await new Promise((resolve) => setImmediate(resolve)); // Prisma's query events land just after its rows
    expect(warm?.creator.id).toBe(nova!.id);
    expect(queriesSoFar() - before).toBe(0);
    accessCaches.seats.delete(atlas.user.id);
    await seatCreatorAccess(atlas.user.id, nova!.id);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queriesSoFar() - before).toBeGreaterThan(0); // the counter does count a cold read
  });

  it("never serve one user's access to another", async () => {
    const stranger = await db.user.create({ data: { name: "stranger" } });
    expect(await seatWorkspaceAccess(atlas.user.id, ws)).not.toBeNull(); // the owner's, now cached
    expect(await seatWorkspaceAccess(stranger.id, ws)).toBeNull();
    expect(await seatCreatorAccess(stranger.id, mia!.id)).toBeNull();
    const chatter = await staff("chatter", [mia!.id]);
    expect((await seatWorkspaceAccess(chatter.userId, ws))?.membership.role).toBe("chatter");
    expect((await seatWorkspaceAccess(atlas.user.id, ws))?.membership.role).toBe("owner");
  });

  it("hand every caller its own copy (a handler cannot change the next request's access)", async () => {
    const first = (await seatWorkspaceAccess(atlas.user.id, ws))!;
    first.membership.role = "chatter";
    first.membership.creatorIds.push("injected");
    const next = (await seatWorkspaceAccess(atlas.user.id, ws))!;
    expect(next.membership.role).toBe("owner");
    expect(next.membership.creatorIds).not.toContain("injected");
  });
});

describe("invalidation", () => {
  it("a removed member is refused on the very next check", async () => {
    const chatter = await staff("manager", null);
    expect(await seatCreatorAccess(chatter.userId, mia!.id)).not.toBeNull(); // cached
    await removeMember(ws, chatter.membershipId);
    expect(await seatWorkspaceAccess(chatter.userId, ws)).toBeNull();
    expect(await seatCreatorAccess(chatter.userId, mia!.id)).toBeNull();
  });

  it("a narrowed scope or a new role applies on the very next check", async () => {
    const m = await staff("manager", null);
    expect(await seatCreatorAccess(m.userId, nova!.id)).not.toBeNull();
    await updateMember(ws, m.membershipId, { role: "chatter", allCreators: false, creatorIds: [mia!.id] });
    expect(await seatCreatorAccess(m.userId, nova!.id)).toBeNull();
    expect((await seatCreatorAccess(m.userId, mia!.id))?.membership.role).toBe("chatter");
  });

  it("the session lookup answers its user and expiry in one round trip", async () => {
    const token = await signedInSession(atlas.user.id);
    const before = queriesSoFar();
    const found = await authAdapter.getSessionAndUser!(token);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queriesSoFar() - before).toBe(1);
    expect(found?.user.id).toBe(atlas.user.id);
    expect(found?.session).toMatchObject({ sessionToken: token, userId: atlas.user.id });
    expect(found!.session.expires.getTime()).toBeGreaterThan(Date.now());
    expect(await authAdapter.getSessionAndUser!("no-such-token")).toBeNull();
  });

  it("a signed-out session is forgotten at once", async () => {
    const token = await signedInSession(atlas.user.id);
    accessCaches.sessions.set(token, { id: atlas.user.id, name: "Atlas" }, Date.now() + 86_400_000);
    expect(accessCaches.sessions.peek(token)).toBeDefined();
    await authAdapter.deleteSession!(token);
    expect(accessCaches.sessions.peek(token)).toBeUndefined();
  });
});

describe("gaining access and changes made elsewhere", () => {
  afterEach(() => void vi.useRealTimers());

  it("a member who accepts an invite opens the workspace at once", async () => {
    const user = await db.user.create({ data: { name: "newcomer" } });
    expect(await seatWorkspaceAccess(user.id, ws)).toBeNull(); // "not a member", cached
    const input = { role: "chatter" as const, allCreators: false, creatorIds: [mia!.id], expiresInDays: 7 };
    const { url } = await createInvite(ws, atlas.user.id, input);
    await acceptInvite(url.split("/").pop()!, { id: user.id, name: "newcomer" });
    expect((await seatCreatorAccess(user.id, mia!.id))?.membership.role).toBe("chatter");
  });

  it("a creator the agency no longer manages is refused at once", async () => {
    expect(await seatCreatorAccess(atlas.user.id, nova!.id)).not.toBeNull();
    await db.creator.update({ where: { id: nova!.id }, data: { removedAt: new Date() } });
    accessChanged({ workspaceId: ws, reason: "creators" }); // as provisioning does after marking it
    try {
      expect(await seatCreatorAccess(atlas.user.id, nova!.id)).toBeNull();
      expect(await getCreatorAccess(atlas.user.id, nova!.id)).toBeNull();
    } finally {
      await db.creator.update({ where: { id: nova!.id }, data: { removedAt: null } });
      accessChanged({ workspaceId: ws, reason: "creators" });
    }
  });

  it("a change this process did not make (another server) is seen once the TTL has passed", async () => {
    const m = await staff("manager", null);
    expect(await seatWorkspaceAccess(m.userId, ws)).not.toBeNull();
    await db.membership.delete({ where: { id: m.membershipId } }); // no notice reaches this process
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + ACCESS_TTL_MS - 100 });
    expect(await seatWorkspaceAccess(m.userId, ws)).not.toBeNull(); // within the TTL: the bound
    vi.setSystemTime(Date.now() + 200);
    expect(await seatWorkspaceAccess(m.userId, ws)).toBeNull();
  });
});
