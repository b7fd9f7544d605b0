import "server-only";
import type { VaultFolder } from "@/lib/schemas/media";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
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

const isKind = (err: unknown, kind: FanvueError["kind"]) => err instanceof FanvueError && err.kind === kind;

/** Fanvue's refusals, said in the vault's words. */
function folderError(err: unknown, name: string, newName?: string): unknown {
  if (isKind(err, "conflict")) return new ApiError("conflict", `A folder named “${newName ?? name}” already exists. Choose another name.`, { field: "name" });
  if (isKind(err, "not_found")) return new ApiError("not_found", `The folder “${name}” no longer exists. It may have been renamed or deleted; reload the folder list.`);
  if (isKind(err, "validation") && /own media|mediaUuids/i.test((err as FanvueError).message)) {
    return new ApiError("invalid_input", "Some of the selected media are not in this creator's vault. Nothing was changed.", { field: "mediaUuids" });
  }
  return err;
}

async function run<T>(fn: () => Promise<T>, name: string, newName?: string): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw folderError(err, name, newName);
  }
}

export async function listVaultFolders(access: CreatorAccess): Promise<VaultFolder[]> {
  const list = await folders.listFolders(clientForCreator(access));
  return list.map((f) => ({ name: f.name, createdAt: f.createdAt, mediaCount: f.mediaCount })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function createVaultFolder(access: CreatorAccess, name: string): Promise<VaultFolder> {
  const f = await run(() => folders.createFolder(clientForCreator(access), name), name);
  patchFolderIndex(access.creator.id, { kind: "create", name: f.name });
  return { name: f.name, createdAt: f.createdAt, mediaCount: f.mediaCount };
}

export async function renameVaultFolder(access: CreatorAccess, from: string, to: string) {
  if (from === to) return { name: to };
  await run(() => folders.renameFolder(clientForCreator(access), from, to), from, to);
  patchFolderIndex(access.creator.id, { kind: "rename", from, to });
  return { name: to };
}

export async function deleteVaultFolder(access: CreatorAccess, name: string) {
  await run(() => folders.deleteFolder(clientForCreator(access), name), name);
  patchFolderIndex(access.creator.id, { kind: "delete", name });
  return { deleted: name };
}

export async function addToVaultFolder(access: CreatorAccess, name: string, uuids: string[]) {
  // One call: Fanvue adds all or refuses all (e.g. media of another creator).
  const res = await run(() => folders.addFolderMedia(clientForCreator(access), name, uuids), name);
  patchFolderIndex(access.creator.id, { kind: "add", name, uuids });
  return { addedCount: res.addedCount };
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
      await folders.addFolderMedia(client, name, removed).catch((undo) => console.error(`[vault] could not restore folder "${name}" after a failed removal`, undo));
    }
    throw folderError(err, name);
  }
  // Every item "not found": maybe the folder itself is gone.
  if (absent === uuids.length) await run(() => folders.getFolder(client, name), name);
  patchFolderIndex(access.creator.id, { kind: "remove", name, uuids: removed });
  return { removedCount: removed.length };
}
