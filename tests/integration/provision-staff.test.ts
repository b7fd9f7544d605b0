import { describe, expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { connectAccount } from "../support/connect";

// A Fanvue team member's token lists the agency's creators too (GET
// /creators). Signing in with it must never make that account an owner of
// them here: staff get in through their agency's invite links only.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { getMe } = await import("@/lib/server/fanvue/users");
const { listManagedCreators } = await import("@/lib/server/fanvue/resources/creators");
const { provisionOnSignIn, syncAgencyCreators } = await import("@/lib/server/workspaces/provision");
cleanUpBetweenTests(sb, db);

async function signIn(handle: string) {
  const conn = await connectAccount(sb, handle);
  const me = await getMe(fanvueClient({ connectionId: conn.connection.id }));
  const listed = me.isCreator ? [] : await listManagedCreators(fanvueClient({ connectionId: conn.connection.id }));
  const result = await provisionOnSignIn(conn.user.id, me, conn.connection.id);
  const owned = await db.membership.findMany({
    where: { userId: conn.user.id, role: "owner" },
    include: { workspace: { include: { creators: { where: { removedAt: null } } } } },
  });
  return { conn, listed, result, owned };
}

describe("signing in with a team member's Fanvue account", () => {
  it("a chatter (role CHATTER on GET /creators) gets no workspace, even before the agency connects", async () => {
    const sam = await signIn("sam");
    expect(sam.listed.map((c) => c.handle)).toEqual(["mia"]); // Fanvue does list Mia for him…
    expect(sam.result).toEqual({ kind: "none" }); // …but he owns nothing here
    expect(sam.owned).toEqual([]);
    expect(await db.fanvueConnection.findUnique({ where: { id: sam.conn.connection.id } })).toBeNull();
  });

  it("the agency gets its workspace; an admin team member signing in later owns none of its creators", async () => {
    const atlas = await signIn("atlas");
    expect(atlas.result.kind).toBe("agency");
    expect(atlas.owned[0]!.workspace.creators.map((c) => c.handle).sort()).toEqual(["ivy", "mia", "nova"]);

    const kai = await signIn("kai");
    expect(kai.listed.map((c) => c.handle).sort()).toEqual(["ivy", "mia", "nova"]);
    expect(kai.result).toEqual({ kind: "none" });
    expect(kai.owned).toEqual([]);
    // Mia is in exactly one agency workspace: the agency's.
    expect(await db.creator.count({ where: { handle: "mia", removedAt: null, workspace: { kind: "agency" } } })).toBe(
      1,
    );
  });

  it("a workspace a team member was given before this rule loses the agency's creators on its next sync", async () => {
    // As an older version did: an owner workspace over Mia on Sam's connection.
    const conn = await connectAccount(sb, "sam");
    const ws = await db.workspace.create({
      data: { connectionId: conn.connection.id, kind: "agency", name: "Sam Ortiz" },
    });
    await db.membership.create({
      data: { workspaceId: ws.id, userId: conn.user.id, role: "owner", allCreators: true },
    });
    const mia = await db.creator.findFirstOrThrow({ where: { handle: "mia" } });
    await db.creator.create({
      data: { workspaceId: ws.id, fanvueUuid: mia.fanvueUuid, handle: "mia", displayName: "Mia Rose" },
    });
    await syncAgencyCreators(ws.id);
    expect(await db.creator.count({ where: { workspaceId: ws.id, removedAt: null } })).toBe(0);
  });
});
