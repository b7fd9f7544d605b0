import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { MediaDetails, UploadCreate, UploadSession, VaultFolder, VaultItem, VaultPage, VaultQuery } from "@/lib/schemas/media";
import { apiFetch } from "./fetcher";

// The vault's client data layer. Signed URLs live only in this in-memory
// cache, and never longer than the answer's `urlsExpireAt` (see details).

export type VaultFilters = Omit<VaultQuery, "cursor">;

export const mediaKeys = {
  all: (creatorId: string) => ["creators", creatorId, "media"] as const,
  lists: (creatorId: string) => [...mediaKeys.all(creatorId), "list"] as const,
  list: (creatorId: string, f: VaultFilters) => [...mediaKeys.lists(creatorId), f] as const,
  details: (creatorId: string, uuid: string, fan?: string) => [...mediaKeys.all(creatorId), "details", uuid, fan ?? null] as const,
  folders: (creatorId: string) => ["creators", creatorId, "vault-folders"] as const,
};

const base = (creatorId: string) => `/api/creators/${creatorId}`;

/** Query string of the defined filters, in a stable order. */
export function vaultSearch(f: VaultFilters & { cursor?: string }) {
  const qs = new URLSearchParams();
  for (const k of ["type", "folder", "usage", "fan", "fanView", "q", "cursor"] as const) {
    const v = f[k];
    if (v) qs.set(k, v);
  }
  return qs.toString();
}

export const fetchVaultPage = (creatorId: string, f: VaultFilters & { cursor?: string }, signal?: AbortSignal) =>
  apiFetch<VaultPage>(`${base(creatorId)}/media?${vaultSearch(f)}`, { signal });

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
  apiFetch<{ items: VaultItem[]; urlsExpireAt: string | null }>(
    `${base(creatorId)}/media/lookup?${new URLSearchParams({ uuids: uuids.join(","), ...(fan ? { fan } : {}) })}`,
  );

/** Milliseconds until an answer's URLs must not be used any more. */
export const msUntil = (iso: string | null | undefined) => (iso ? Date.parse(iso) - Date.now() : 0);

export const mediaDetailsQuery = (creatorId: string, uuid: string, fan?: string) =>
  queryOptions({
    queryKey: mediaKeys.details(creatorId, uuid, fan),
    queryFn: () => apiFetch<MediaDetails>(`${base(creatorId)}/media/${uuid}${fan ? `?fan=${fan}` : ""}`),
    // Fresh until its URLs expire; forgotten a minute after the preview
    // leaves it, so signed URLs do not linger in memory.
    staleTime: (q) => Math.max(0, msUntil(q.state.data?.urlsExpireAt)),
    gcTime: 60_000,
    retry: false,
  });

export const useMediaDetails = (creatorId: string, uuid: string | null, fan?: string) =>
  useQuery({ ...mediaDetailsQuery(creatorId, uuid ?? "", fan), enabled: uuid !== null });

export const useVaultFolders = (creatorId: string) =>
  useQuery({ queryKey: mediaKeys.folders(creatorId), queryFn: () => apiFetch<VaultFolder[]>(`${base(creatorId)}/vault/folders`) });

// ─── Uploads (driven by the upload engine, not by hooks) ──────────────────

export const uploadApi = {
  start: (creatorId: string, f: UploadCreate) => apiFetch<UploadSession>(`${base(creatorId)}/media/uploads`, { method: "POST", json: f }),
  partUrl: (creatorId: string, uploadId: string, n: number, signal?: AbortSignal) =>
    apiFetch<{ url: string }>(`${base(creatorId)}/media/uploads/${encodeURIComponent(uploadId)}/parts/${n}`, { signal }),
  complete: (creatorId: string, uploadId: string, body: { mediaUuid: string; name: string; parts: { PartNumber: number; ETag: string }[] }) =>
    apiFetch<{ mediaUuid: string; status: string }>(`${base(creatorId)}/media/uploads/${encodeURIComponent(uploadId)}`, { method: "PATCH", json: body }),
};
