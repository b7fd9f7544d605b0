import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import type { VaultFolder, VaultPage } from "@/lib/schemas/media";
import {
  vaultFolderAddMedia,
  vaultFolderCreate,
  vaultFolderDelete,
  vaultFolderRemoveMedia,
  vaultFolderRename,
} from "@/lib/contracts/client/media";
import { callApi } from "./call";
import { mediaKeys, type VaultFilters } from "./media";

// Folder changes. The screen changes at once and goes back exactly as it was
// if Fanvue refuses (the server also undoes partial changes on its side).

type Snapshot = {
  folders: VaultFolder[] | undefined;
  lists: [readonly unknown[], InfiniteData<VaultPage> | undefined][];
};

async function snapshot(qc: QueryClient, creatorId: string): Promise<Snapshot> {
  await qc.cancelQueries({ queryKey: mediaKeys.folders(creatorId) });
  return {
    folders: qc.getQueryData<VaultFolder[]>(mediaKeys.folders(creatorId)),
    lists: qc.getQueriesData<InfiniteData<VaultPage>>({ queryKey: mediaKeys.lists(creatorId) }),
  };
}

function restore(qc: QueryClient, creatorId: string, s: Snapshot | undefined) {
  if (!s) return;
  qc.setQueryData(mediaKeys.folders(creatorId), s.folders);
  for (const [key, data] of s.lists) qc.setQueryData(key, data);
}

const setFolders = (qc: QueryClient, creatorId: string, fn: (f: VaultFolder[]) => VaultFolder[]) =>
  qc.setQueryData<VaultFolder[]>(mediaKeys.folders(creatorId), (old) => (old ? fn(old) : old));

/** Lists filtered on `folder` (their content depends on it). */
const folderLists = (creatorId: string, folder: string) => ({
  queryKey: mediaKeys.lists(creatorId),
  predicate: (q: { queryKey: readonly unknown[] }) => (q.queryKey[4] as VaultFilters | undefined)?.folder === folder,
});

export function useFolderMutations(creatorId: string) {
  const qc = useQueryClient();
  const settle = () => qc.invalidateQueries({ queryKey: mediaKeys.folders(creatorId) });
  const common = {
    onError: (_e: unknown, _v: unknown, ctx: Snapshot | undefined) => restore(qc, creatorId, ctx),
    onSettled: settle,
  };
  return {
    create: useMutation({
      mutationFn: (name: string) => callApi(vaultFolderCreate, { params: { creatorId }, body: { name } }),
      onSuccess: (f) =>
        setFolders(qc, creatorId, (all) =>
          [...all.filter((x) => x.name !== f.name), f].sort((a, b) => a.name.localeCompare(b.name)),
        ),
      onSettled: settle,
    }),
    rename: useMutation({
      mutationFn: (v: { from: string; to: string }) =>
        callApi(vaultFolderRename, { params: { creatorId, folderName: v.from }, body: { name: v.to } }),
      onMutate: async (v) => {
        const s = await snapshot(qc, creatorId);
        setFolders(qc, creatorId, (all) => all.map((f) => (f.name === v.from ? { ...f, name: v.to } : f)));
        return s;
      },
      ...common,
    }),
    remove: useMutation({
      mutationFn: (name: string) => callApi(vaultFolderDelete, { params: { creatorId, folderName: name } }),
      onMutate: async (name) => {
        const s = await snapshot(qc, creatorId);
        setFolders(qc, creatorId, (all) => all.filter((f) => f.name !== name));
        return s;
      },
      ...common,
    }),
    addMedia: useMutation({
      mutationFn: (v: { folder: string; uuids: string[] }) =>
        callApi(vaultFolderAddMedia, { params: { creatorId, folderName: v.folder }, body: { mediaUuids: v.uuids } }),
      onSuccess: (r, v) => {
        setFolders(qc, creatorId, (all) =>
          all.map((f) => (f.name === v.folder ? { ...f, mediaCount: f.mediaCount + r.addedCount } : f)),
        );
        void qc.invalidateQueries(folderLists(creatorId, v.folder));
      },
      onSettled: settle,
    }),
    removeMedia: useMutation({
      mutationFn: (v: { folder: string; uuids: string[] }) =>
        callApi(vaultFolderRemoveMedia, { params: { creatorId, folderName: v.folder }, body: { mediaUuids: v.uuids } }),
      onMutate: async (v) => {
        const s = await snapshot(qc, creatorId);
        const gone = new Set(v.uuids);
        for (const [key] of s.lists.filter(([k]) => (k[4] as VaultFilters | undefined)?.folder === v.folder)) {
          qc.setQueryData<InfiniteData<VaultPage>>(
            key,
            (d) =>
              d && { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.filter((i) => !gone.has(i.uuid)) })) },
          );
        }
        setFolders(qc, creatorId, (all) =>
          all.map((f) => (f.name === v.folder ? { ...f, mediaCount: Math.max(0, f.mediaCount - v.uuids.length) } : f)),
        );
        return s;
      },
      ...common,
    }),
  };
}
