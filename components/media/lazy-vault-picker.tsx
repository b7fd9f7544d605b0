"use client";

import dynamic from "next/dynamic";
import { useEffect } from "react";
import { useOpenedOnce } from "@/components/layout/use-opened-once";
import type { VaultPickerProps } from "./vault-picker";

// The vault picker (a dialog with the vault's grid, filters, search and preview) is not part of
// the composers' first load: it is mounted when first opened, its code fetched once the page
// has started so opening it does not wait.

const loadPicker = () => import("./vault-picker");
const Picker = dynamic(() => loadPicker().then((m) => m.VaultPicker), { ssr: false });

/** VaultPicker, loaded on first opening (see ./vault-picker.tsx). */
export function LazyVaultPicker(p: VaultPickerProps) {
  useEffect(() => void loadPicker(), []);
  const opened = useOpenedOnce(p.open);
  return opened ? <Picker {...p} /> : null;
}
