import "server-only";
import type { VaultFolder } from "@/lib/schemas/media";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import * as folders from "@/lib/server/fanvue/resources/vault-folders";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { mapLimit } from "@/lib/utils/map-limit";
import { patchFolderIndex } from "./folder-index";

// Vault folders: each change is one Fanvue call, or is undone when a later
// call of the same change fails, so a folder is never left half-changed.

/** Parallel removals (Fanvue removes one item per call): quick without
 * taking the creator's whole rate bucket. */
const REMOVE_CONCURRENCY = 4;
/** Folder pages read to see whether "not found" removals left the items in
 * place (rare path): 200 items, 4 calls. */
const STILL_THERE_PAGES = 4;

const isKind = (err: unknown, kind: FanvueError["kind"]) => err instanceof FanvueError && err.kind === kind;

type Op = "create" | "rename" | "delete" | "add" | "remove";
const VERB: Record<Op, string> = {
  create: "create vault folders",
  rename: "rename vault folders",
  delete: "delete vault folders",
  add: "add media to folders",
  remove: "remove media from folders",
};

/** This Fanvue lacks the call (not the folder): said as it is, with where
 * it can be done instead. Retrying would not help. */
const unsupported = (op: Op) =>
  new ApiError(
    "not_found",
    `Fanvue does not let Vuedeck ${VERB[op]} for this account. Do it in Fanvue's app; the vault here shows the result.`,
  );

/** Fanvue's refusals, said in the vault's words. A 404 on a folder route is
 * either the folder gone or the call missing on this Fanvue: `folderExists`
 * (one list call, only on that failure) tells which. Creating has no folder
 * to lose, so a 404 there is always the call. */
async function folderError(
  err: unknown,
  op: Op,
  name: string,
  newName: string | undefined,
  folderExists: () => Promise<boolean>,
): Promise<unknown> {
  if (isKind(err, "conflict"))
    return new ApiError("conflict", `A folder named “${newName ?? name}” already exists. Choose another name.`, {
      field: "name",
    });
  if (isKind(err, "unsupported") || (isKind(err, "not_found") && op === "create")) return unsupported(op);
  if (isKind(err, "not_found")) {
    const exists = await folderExists().catch(() => false);
    if (exists) return unsupported(op);
    return new ApiError(
      "not_found",
      `The folder “${name}” is not on Fanvue any more: it may have been renamed or deleted. Reload the folder list.`,
    );
  }
  if (isKind(err, "forbidden"))
    return new ApiError(
      "forbidden",
      `Fanvue refused to ${VERB[op].replace(/s$/, "")} for this account. Reconnect Fanvue and allow media access, or do it in Fanvue's app.`,
    );
  if (isKind(err, "validation") && (op === "add" || op === "remove")) {
    return new ApiError(
      "invalid_input",
      "Fanvue did not accept the selected media for this folder (they may not be in this creator's vault). Nothing was changed.",
      { field: "mediaUuids" },
    );
  }
  if (isKind(err, "validation"))
    return new ApiError(
      "invalid_input",
      "Fanvue did not accept this folder name. Try a shorter name without special characters.",
      { field: "name" },
    );
  return err;
}

async function run<T>(access: CreatorAccess, fn: () => Promise<T>, op: Op, name: string, newName?: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const exists = async () =>
      (await folders.listFolders(clientForCreator(access))).folders.some((f) => f.name === name);
    throw await folderError(err, op, name, newName, exists);
  }
}

export async function listVaultFolders(access: CreatorAccess): Promise<VaultFolder[]> {
  // A list Fanvue cut short is still shown (and logged): the rest cannot be asked for.
  const list = (await folders.listFolders(clientForCreator(access))).folders;
  return list
    .map((f) => ({ name: f.name, createdAt: f.createdAt, mediaCount: f.mediaCount }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function createVaultFolder(access: CreatorAccess, name: string): Promise<VaultFolder> {
  const f = await run(access, () => folders.createFolder(clientForCreator(access), name), "create", name);
  patchFolderIndex(access.creator.id, { kind: "create", name: f.name });
  return { name: f.name, createdAt: f.createdAt, mediaCount: f.mediaCount };
}

export async function renameVaultFolder(access: CreatorAccess, from: string, to: string) {
  if (from === to) return { name: to };
  await run(access, () => folders.renameFolder(clientForCreator(access), from, to), "rename", from, to);
  patchFolderIndex(access.creator.id, { kind: "rename", from, to });
  return { name: to };
}

export async function deleteVaultFolder(access: CreatorAccess, name: string) {
  await run(access, () => folders.deleteFolder(clientForCreator(access), name), "delete", name);
  patchFolderIndex(access.creator.id, { kind: "delete", name });
  return { deleted: name };
}

export async function addToVaultFolder(access: CreatorAccess, name: string, uuids: string[]) {
  // One call: Fanvue adds all or refuses all (e.g. media of another creator).
  const res = await run(access, () => folders.addFolderMedia(clientForCreator(access), name, uuids), "add", name);
  patchFolderIndex(access.creator.id, { kind: "add", name, uuids });
  return { addedCount: res.addedCount };
}

/** Every removal answered "not found": the folder is gone, the call is
 * missing on this Fanvue (the items are still listed in the folder), or the
 * items were already out of it (done). */
async function checkNothingRemoved(client: FanvueClient, name: string, uuids: string[]) {
  if (!(await folders.listFolders(client)).folders.some((f) => f.name === name)) {
    throw new ApiError(
      "not_found",
      `The folder “${name}” is not on Fanvue any more: it may have been renamed or deleted. Reload the folder list.`,
    );
  }
  const wanted = new Set(uuids);
  for (let page = 1; page <= STILL_THERE_PAGES; page++) {
    const res = await folders.listFolderMedia(client, name, page);
    if (res.data.some((m) => wanted.has(m.uuid))) throw unsupported("remove");
    if (!res.pagination.hasMore) return;
  }
}

/** One call per item; if one fails, the ones already removed are put back. */
export async function removeFromVaultFolder(access: CreatorAccess, name: string, uuids: string[]) {
  const client = clientForCreator(access);
  const removed: string[] = [];
  let absent = 0;
  try {
    await mapLimit(uuids, REMOVE_CONCURRENCY, async (u) => {
      try {
        await folders.removeFolderMedia(client, name, u);
        removed.push(u);
      } catch (err) {
        // Not in the folder (any more): already the state asked for.
        if (!isKind(err, "not_found")) throw err;
        absent++;
      }
    });
  } catch (err) {
    if (removed.length) {
      await folders
        .addFolderMedia(client, name, removed)
        .catch((undo) => console.error(`[vault] could not restore folder "${name}" after a failed removal`, undo));
    }
    throw await folderError(err, "remove", name, undefined, async () =>
      (await folders.listFolders(client)).folders.some((f) => f.name === name),
    );
  }
  if (absent === uuids.length) await checkNothingRemoved(client, name, uuids);
  patchFolderIndex(access.creator.id, { kind: "remove", name, uuids: removed });
  return { removedCount: removed.length };
}
