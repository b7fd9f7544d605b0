import { beforeAll, describe, expect, it } from "vitest";
import { connectAccount } from "../support/connect";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";

// What folder changes say when this Fanvue lacks a call or the folder is
// gone (told apart by the folder list), and the folder list as the reference
// has it: one call, no paging parameters.

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { listVault } = await import("@/lib/server/media/vault-list");
const folders = await import("@/lib/server/media/folders");
type Access = import("@/lib/server/workspaces/access").CreatorAccess;

let luna: Access;

beforeAll(async () => {
  const { connection, account } = await connectAccount(sb, "luna");
  luna = {
    workspace: { id: "ws-luna", kind: "creator", name: "luna", connectionId: connection.id },
    membership: { id: "m", role: "owner", allCreators: true, creatorIds: [] },
    creator: { id: "cr-luna", fanvueUuid: account.uuid, handle: "luna", displayName: "Luna", avatarUrl: null },
  };
});
cleanUpBetweenTests(sb, db);

describe("folder refusals", () => {
  it('a folder call this Fanvue lacks is said as such, never as a folder that "no longer exists"', async () => {
    await sb.admin("/faults", {
      path: "/vault/folders",
      method: "POST",
      status: 404,
      body: { message: "Cannot POST /vault/folders" },
      times: 1,
    });
    const created = await folders.createVaultFolder(luna, "Fresh").catch((e) => e);
    expect(created).toMatchObject({
      code: "not_found",
      message:
        "Fanvue does not let Vuedeck create vault folders for this account. Do it in Fanvue's app; the vault here shows the result.",
    });
    await folders.createVaultFolder(luna, "Kept");
    // The folder is there, the rename is not: the folder list tells them apart.
    await sb.admin("/faults", {
      path: "/vault/folders/Kept",
      method: "PATCH",
      status: 404,
      body: { message: "Cannot PATCH" },
      times: 1,
    });
    const renamed = await folders.renameVaultFolder(luna, "Kept", "Kept 2").catch((e) => e);
    expect(renamed.message).toBe(
      "Fanvue does not let Vuedeck rename vault folders for this account. Do it in Fanvue's app; the vault here shows the result.",
    );
    await sb.admin("/faults", { path: "/vault/folders/Kept", method: "DELETE", status: 405, times: 1 });
    expect((await folders.deleteVaultFolder(luna, "Kept").catch((e) => e)).message).toMatch(
      /^Fanvue does not let Vuedeck delete vault folders/,
    );
    const missing = await folders.renameVaultFolder(luna, "Never there", "X").catch((e) => e);
    expect(missing.message).toBe(
      "The folder “Never there” is not on Fanvue any more: it may have been renamed or deleted. Reload the folder list.",
    );
    // Removing media where this Fanvue lacks the call: the items are still in the folder.
    const one = (await listVault(luna, { type: "image" })).items[0]!.uuid;
    await folders.addToVaultFolder(luna, "Kept", [one]);
    await sb.admin("/faults", {
      path: `/vault/folders/Kept/media/${one}`,
      method: "DELETE",
      status: 404,
      body: { message: "Cannot DELETE" },
    });
    const removed = await folders.removeFromVaultFolder(luna, "Kept", [one]).catch((e) => e);
    expect(removed.message).toMatch(/^Fanvue does not let Vuedeck remove media from folders/);
  });

  it("lists the folders in one call without paging parameters", async () => {
    await sb.admin("/calls", undefined, "DELETE");
    await folders.listVaultFolders(luna);
    const log = (await sb.admin("/calls?path=/vault/folders")) as {
      calls: { method: string; query: Record<string, string> }[];
    };
    expect(log.calls.filter((c) => c.method === "GET")).toEqual([expect.objectContaining({ query: {} })]);
  });
});
