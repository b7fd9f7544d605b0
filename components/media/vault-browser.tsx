"use client";

import { X } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { useVaultFolders } from "@/lib/queries/media";
import { FolderPanel } from "./folder-panel";
import { emptySelection, type Selection } from "./selection";
import type { Notice } from "./selection-bar";
import { DropOverlay, UploadButton } from "./upload-drop";
import { UploadPanel } from "./upload-panel";
import { useUploads } from "./upload-store";
import { useUrlVaultParams } from "./use-vault-params";
import { VaultView } from "./vault-view";

// Bulk actions (move, delete, use in a post or message) show only once media are ticked: not in
// the page's first load. Fetched once the page has started, so the first tick does not wait.
const loadSelectionBar = () => import("./selection-bar");
const SelectionBar = dynamic(() => loadSelectionBar().then((m) => m.SelectionBar), { ssr: false });

/** Success notes fade after 6 s; errors stay until dismissed. */
const NOTICE_MS = 6_000;

type Props = { creatorId: string; handle: string; can: { write: boolean; post: boolean; message: boolean } };

/** A notice that dismisses itself after NOTICE_MS when it is good news. */
function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    if (notice?.tone !== "ok") return;
    const t = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice]);
  return [notice, setNotice] as const;
}

function VaultNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <Alert
      tone={notice.tone === "error" ? "danger" : "info"}
      title={notice.title ?? (notice.tone === "error" ? "Not done" : "Done")}
      data-testid="vault-notice"
      action={
        <button type="button" className="rounded-md p-1 hover:bg-black/5" onClick={onDismiss} aria-label="Dismiss">
          <X className="size-4" aria-hidden="true" />
        </button>
      }
    >
      {notice.text}
    </Alert>
  );
}

/** The vault page: folders, the grid, selection actions and uploads. */
export function VaultBrowser({ creatorId, handle, can }: Props) {
  const api = useUrlVaultParams();
  const router = useRouter();
  // Display only: the fan panel or chat that opened the vault names the fan.
  const fanName = useSearchParams().get("fanName")?.slice(0, 60) || undefined;
  const folders = useVaultFolders(creatorId);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [notice, setNotice] = useNotice();
  const uploads = useUploads(creatorId);
  const pendingNames = useMemo(
    () => new Map(uploads.flatMap((u) => (u.mediaUuid ? [[u.mediaUuid, u.name] as const] : []))),
    [uploads],
  );
  const onRefused = useCallback(
    (reasons: string[]) =>
      setNotice({
        tone: "error",
        title: reasons.length === 1 ? "File not uploaded" : "Files not uploaded",
        text: reasons.join(" "),
      }),
    [setNotice],
  );

  // The composer and the chat read `media` (and `fan`) from their URL.
  const openWith = (path: string) => {
    const qs = new URLSearchParams({ media: selection.uuids.join(",") });
    if (api.params.fan) qs.set("fan", api.params.fan);
    router.push(`/c/${creatorId}${path}?${qs}`);
  };
  const selecting = selection.uuids.length > 0;
  useEffect(() => void loadSelectionBar(), []);

  return (
    <div className="flex flex-col gap-5 pb-24">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Vault</h1>
          <p className="mt-1 text-sm text-muted">@{handle}&apos;s media on Fanvue: pick what to post, send or sell.</p>
        </div>
        {can.write ? <UploadButton creatorId={creatorId} onRefused={onRefused} /> : null}
      </div>
      {notice ? <VaultNotice notice={notice} onDismiss={() => setNotice(null)} /> : null}
      <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[200px_minmax(0,1fr)] lg:gap-6">
        <div className="lg:sticky lg:top-24 lg:self-start">
          <FolderPanel
            creatorId={creatorId}
            folders={folders.data}
            loading={folders.isPending}
            current={api.params.folder}
            canWrite={can.write}
            onSelect={(folder) => api.set({ folder, at: undefined })}
          />
        </div>
        <VaultView
          creatorId={creatorId}
          api={api}
          selection={selection}
          onSelection={setSelection}
          folders={folders.data}
          mode="page"
          folderSelectClass="hidden"
          fanLabel={fanName}
          pendingNames={pendingNames}
        />
      </div>
      {selecting ? (
        <SelectionBar
          creatorId={creatorId}
          uuids={selection.uuids}
          folders={folders.data}
          currentFolder={api.params.folder}
          can={can}
          onUseInPost={() => openWith("/posts/new")}
          onSendInMessage={() => openWith("/chats")}
          onClear={() => setSelection(emptySelection)}
          onNotice={setNotice}
        />
      ) : null}
      <UploadPanel creatorId={creatorId} raised={selecting} />
      {can.write ? <DropOverlay creatorId={creatorId} onRefused={onRefused} label={`Into @${handle}'s vault`} /> : null}
    </div>
  );
}
