import { vaultFolderAddMedia, vaultFolderRemoveMedia } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { addToVaultFolder, removeFromVaultFolder } from "@/lib/server/media/folders";

export const POST = apiRoute(vaultFolderAddMedia, {
  audit: "vault.folder.add",
  handler: async ({ access, params, body, audit }) => {
    const result = await addToVaultFolder(access, params.folderName, body.mediaUuids);
    audit({ target: params.folderName, details: { mediaUuids: body.mediaUuids, added: result.addedCount } });
    return result;
  },
});

export const DELETE = apiRoute(vaultFolderRemoveMedia, {
  audit: "vault.folder.remove",
  handler: async ({ access, params, body, audit }) => {
    const result = await removeFromVaultFolder(access, params.folderName, body.mediaUuids);
    audit({ target: params.folderName, details: { mediaUuids: body.mediaUuids, removed: result.removedCount } });
    return result;
  },
});
