import "server-only";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { listFolderMedia, listFolders } from "@/lib/server/fanvue/resources/vault-folders";

// Which folders hold a media item: Fanvue lists a folder's media, never an
// item's folders, so the preview's "Folders" line reads every folder once and
// keeps the answer briefly in memory (uuids and folder names only; no URLs).

/** Two minutes: our own changes patch the index at once; changes made on
 * Fanvue itself show within this time. */
const TTL_MS = 2 * 60_000;
/** At most 40 calls (2,000 folder entries) to build it: beyond that the
 * preview says "—" rather than spend a fifth of the creator's minute. */
const MAX_CALLS = 40;

type FolderIndex = { builtAt: number; byFolder: Map<string, Set<string>>; complete: boolean };

const g = globalThis as unknown as {
  vaultFolderIndex?: Map<string, FolderIndex>;
  vaultFolderBuilds?: Map<string, Promise<FolderIndex>>;
};
const indexes = (g.vaultFolderIndex ??= new Map());
const builds = (g.vaultFolderBuilds ??= new Map());

async function build(client: FanvueClient): Promise<FolderIndex> {
  const byFolder = new Map<string, Set<string>>();
  let calls = 1;
  const { folders, complete } = await listFolders(client);
  if (!complete) return { builtAt: Date.now(), byFolder, complete: false };
  for (const f of folders) {
    const set = new Set<string>();
    byFolder.set(f.name, set);
    for (let page = 1, more = f.mediaCount > 0; more; page++) {
      if (++calls > MAX_CALLS) return { builtAt: Date.now(), byFolder, complete: false };
      const res = await listFolderMedia(client, f.name, page);
      for (const m of res.data) set.add(m.uuid);
      more = res.pagination.hasMore && res.data.length > 0;
    }
  }
  return { builtAt: Date.now(), byFolder, complete: true };
}

/** Folder names holding `uuid`, or null when not every folder could be read. */
export async function foldersOf(creatorId: string, client: FanvueClient, uuid: string): Promise<string[] | null> {
  let idx = indexes.get(creatorId);
  if (!idx || Date.now() - idx.builtAt > TTL_MS) {
    let pending = builds.get(creatorId);
    if (!pending) {
      pending = build(client).finally(() => builds.delete(creatorId));
      builds.set(creatorId, pending);
    }
    idx = await pending;
    indexes.set(creatorId, idx);
  }
  const names = [...idx.byFolder].filter(([, set]) => set.has(uuid)).map(([name]) => name);
  return idx.complete ? names.sort((a, b) => a.localeCompare(b)) : null;
}

/** Keeps a built index in step with a change we just made on Fanvue. */
export function patchFolderIndex(
  creatorId: string,
  change:
    | { kind: "create"; name: string }
    | { kind: "rename"; from: string; to: string }
    | { kind: "delete"; name: string }
    | { kind: "add" | "remove"; name: string; uuids: string[] },
) {
  const idx = indexes.get(creatorId);
  if (!idx) return;
  const m = idx.byFolder;
  if (change.kind === "create") m.set(change.name, new Set());
  else if (change.kind === "delete") m.delete(change.name);
  else if (change.kind === "rename") {
    if (change.from === change.to) return;
    m.set(change.to, m.get(change.from) ?? new Set());
    m.delete(change.from);
  } else {
    const set = m.get(change.name);
    if (!set) return void indexes.delete(creatorId);
    for (const u of change.uuids) {
      if (change.kind === "add") set.add(u);
      else set.delete(u);
    }
  }
}
