"use client";

import { useCallback, useMemo, useState } from "react";
import { useUrlState } from "@/lib/url-state/use-url-state";
import { parseVaultParams, vaultUrlSchema, type VaultParams } from "./vault-params";

// On the page the vault's state lives in the URL (lib/url-state: Back and
// reload restore it); in the picker dialog it lives in component state.

export type { VaultParams } from "./vault-params";
export { filtersOf } from "./vault-params";
export type VaultParamsApi = {
  params: VaultParams;
  set: (patch: Partial<VaultParams>, o?: { push?: boolean }) => void;
};

export function useUrlVaultParams(): VaultParamsApi {
  const { search, update } = useUrlState(vaultUrlSchema);
  const params = useMemo(() => parseVaultParams(search), [search]);
  const set = useCallback(
    (patch: Partial<VaultParams>, o?: { push?: boolean }) => update(patch, { push: o?.push }),
    [update],
  );
  return { params, set };
}

export function useLocalVaultParams(initial: VaultParams = {}): VaultParamsApi {
  const [params, setParams] = useState<VaultParams>(initial);
  const set = useCallback((patch: Partial<VaultParams>) => setParams((p) => ({ ...p, ...patch })), []);
  return { params, set };
}
