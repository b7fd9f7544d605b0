import { expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// "/" opens the creator the user last opened, from the very first visit on.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { homePathFor, rememberCreator } = await import("@/lib/server/shell");
cleanUpBetweenTests(sb, db);

it("remembers the first creator opened (no earlier choice) and every later one", async () => {
  const atlas = await provisionAccount(sb, "atlas");
  const { ivy, nova } = atlas.creators as Record<string, { id: string }>;
  expect((await db.user.findUniqueOrThrow({ where: { id: atlas.user.id } })).lastCreatorId).toBeNull();
  // Without a choice, home opens the first creator by name (Ivy Hart).
  expect(await homePathFor(atlas.user.id)).toBe(`/c/${ivy!.id}`);
  await rememberCreator(atlas.user.id, nova!.id);
  expect(await homePathFor(atlas.user.id)).toBe(`/c/${nova!.id}`);
  await rememberCreator(atlas.user.id, ivy!.id);
  expect(await homePathFor(atlas.user.id)).toBe(`/c/${ivy!.id}`);
});
