"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { parseVaultParams, serializeVaultParams, type VaultParams } from "./vault-params";

// On the page the vault's state lives in the URL (so Back and reload restore
// it); in the picker dialog it lives in component state.

export type { VaultParams } from "./vault-params";
export { filtersOf } from "./vault-params";
export type VaultParamsApi = { params: VaultParams; set: (patch: Partial<VaultParams>, o?: { push?: boolean }) => void };

export function useUrlVaultParams(): VaultParamsApi {
  const sp = useSearchParams();
  const params = useMemo(() => parseVaultParams(new URLSearchParams(sp.toString())), [sp]);
  // Native history calls: Next keeps useSearchParams in step without a
  // server round trip for every filter change. Reads the live URL, so two
  // quick updates never overwrite each other.
  const set = useCallback((patch: Partial<VaultParams>, o?: { push?: boolean }) => {
    const current = new URLSearchParams(window.location.search);
    const next = { ...parseVaultParams(current), ...patch };
    const qs = serializeVaultParams(next, current);
    const url = `${window.location.pathname}${qs ? `?${qs}` : ""}`;
    if (o?.push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, []);
  return { params, set };
}

export function useLocalVaultParams(initial: VaultParams = {}): VaultParamsApi {
  const [params, setParams] = useState<VaultParams>(initial);
  const set = useCallback((patch: Partial<VaultParams>) => setParams((p) => ({ ...p, ...patch })), []);
  return { params, set };
}
