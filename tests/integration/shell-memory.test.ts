import { expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// "/" opens an agency's "All creators" for its members with several creators,
// and otherwise the creator the user last opened, from the very first visit on.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { homePathFor, lastCreatorIn, rememberCreator } = await import("@/lib/server/shell");
cleanUpBetweenTests(sb, db);

it("lands an agency on All creators and remembers the creator last opened there", async () => {
  const atlas = await provisionAccount(sb, "atlas");
  const { ivy, nova } = atlas.creators as Record<string, { id: string }>;
  expect((await db.user.findUniqueOrThrow({ where: { id: atlas.user.id } })).lastCreatorId).toBeNull();
  expect(await homePathFor(atlas.user.id)).toBe(`/w/${atlas.workspace.id}`);
  expect(await lastCreatorIn(atlas.user.id, atlas.workspace.id)).toBeNull();
  await rememberCreator(atlas.user.id, nova!.id);
  expect(await homePathFor(atlas.user.id)).toBe(`/w/${atlas.workspace.id}`);
  expect(await lastCreatorIn(atlas.user.id, atlas.workspace.id)).toEqual({ id: nova!.id, displayName: "Nova Lane" });
  await rememberCreator(atlas.user.id, ivy!.id);
  expect((await lastCreatorIn(atlas.user.id, atlas.workspace.id))?.id).toBe(ivy!.id);
});

it("opens a staff member's only creator, and a creator's own account, directly", async () => {
  const atlas = await provisionAccount(sb, "atlas");
  const mia = atlas.creators.mia!;
  const user = await db.user.create({ data: { name: "Only Mia" } });
  await db.membership.create({
    data: {
      workspaceId: atlas.workspace.id,
      userId: user.id,
      role: "chatter",
      allCreators: false,
      creators: { create: [{ creatorId: mia.id }] },
    },
  });
  expect(await homePathFor(user.id)).toBe(`/c/${mia.id}`);
  const luna = await provisionAccount(sb, "luna");
  expect(await homePathFor(luna.user.id)).toBe(`/c/${luna.creators.luna!.id}`);
});
