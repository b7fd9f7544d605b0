import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { BodyOf } from "@/lib/contracts/contract";
import {
  mediaDetails,
  mediaLookup,
  uploadComplete,
  uploadPartUrl,
  uploadStart,
  vaultFolders,
  vaultList,
} from "@/lib/contracts/client/media";
import type { UploadCreate, VaultQuery } from "@/lib/schemas/media";
import { callApi } from "./call";

// The vault's client data layer. Signed URLs live only in this in-memory
// cache, and never longer than the answer's `urlsExpireAt` (see details).

export type VaultFilters = Omit<VaultQuery, "cursor">;

export const mediaKeys = {
  all: (creatorId: string) => ["creators", creatorId, "media"] as const,
  lists: (creatorId: string) => [...mediaKeys.all(creatorId), "list"] as const,
  list: (creatorId: string, f: VaultFilters) => [...mediaKeys.lists(creatorId), f] as const,
  details: (creatorId: string, uuid: string, fan?: string) =>
    [...mediaKeys.all(creatorId), "details", uuid, fan ?? null] as const,
  folders: (creatorId: string) => ["creators", creatorId, "vault-folders"] as const,
};

/** The filters in a stable order (urlOf leaves out the undefined and empty ones). */
const vaultQuery = (f: VaultFilters & { cursor?: string }) => ({
  type: f.type,
  folder: f.folder,
  usage: f.usage,
  fan: f.fan,
  fanView: f.fanView,
  q: f.q,
  cursor: f.cursor,
});

export const fetchVaultPage = (creatorId: string, f: VaultFilters & { cursor?: string }, signal?: AbortSignal) =>
  callApi(vaultList, { params: { creatorId }, query: vaultQuery(f), signal });

export const vaultListQuery = (creatorId: string, f: VaultFilters) =>
  infiniteQueryOptions({
    queryKey: mediaKeys.list(creatorId, f),
    queryFn: ({ pageParam, signal }) => fetchVaultPage(creatorId, { ...f, cursor: pageParam || undefined }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // 2 min: the vault changes through our own actions (which update this
    // cache) far more than elsewhere; every refetch re-reads all loaded pages.
    staleTime: 2 * 60_000,
  });

export const useVaultList = (creatorId: string, f: VaultFilters) => useInfiniteQuery(vaultListQuery(creatorId, f));

export const fetchLookup = (creatorId: string, uuids: string[], fan?: string) =>
  callApi(mediaLookup, { params: { creatorId }, query: { uuids: uuids.join(","), fan: fan || undefined } });

/** Milliseconds until an answer's URLs must not be used any more. */
export const msUntil = (iso: string | null | undefined) => (iso ? Date.parse(iso) - Date.now() : 0);

export const mediaDetailsQuery = (creatorId: string, uuid: string, fan?: string) =>
  queryOptions({
    queryKey: mediaKeys.details(creatorId, uuid, fan),
    queryFn: () => callApi(mediaDetails, { params: { creatorId, mediaId: uuid }, query: { fan: fan || undefined } }),
    // Fresh until its URLs expire; forgotten a minute after the preview
    // leaves it, so signed URLs do not linger in memory.
    staleTime: (q) => Math.max(0, msUntil(q.state.data?.urlsExpireAt)),
    gcTime: 60_000,
    retry: false,
  });

export const useMediaDetails = (creatorId: string, uuid: string | null, fan?: string) =>
  useQuery({ ...mediaDetailsQuery(creatorId, uuid ?? "", fan), enabled: uuid !== null });

export const useVaultFolders = (creatorId: string) =>
  useQuery({ queryKey: mediaKeys.folders(creatorId), queryFn: () => callApi(vaultFolders, { params: { creatorId } }) });

// ─── Uploads (driven by the upload engine, not by hooks) ──────────────────

export const uploadApi = {
  start: (creatorId: string, f: UploadCreate) => callApi(uploadStart, { params: { creatorId }, body: f }),
  partUrl: (creatorId: string, uploadId: string, n: number, signal?: AbortSignal) =>
    callApi(uploadPartUrl, { params: { creatorId, uploadId, partNumber: String(n) }, signal }),
  complete: (creatorId: string, uploadId: string, body: BodyOf<typeof uploadComplete>) =>
    callApi(uploadComplete, { params: { creatorId, uploadId }, body }),
};
