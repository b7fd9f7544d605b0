import { vaultFolderDelete, vaultFolderRename } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { deleteVaultFolder, renameVaultFolder } from "@/lib/server/media/folders";

export const PATCH = apiRoute(vaultFolderRename, {
  audit: "vault.folder.rename",
  handler: async ({ access, params, body, audit }) => {
    const result = await renameVaultFolder(access, params.folderName, body.name);
    audit({ target: body.name, details: { from: params.folderName } });
    return result;
  },
});

export const DELETE = apiRoute(vaultFolderDelete, {
  audit: "vault.folder.delete",
  handler: async ({ access, params, audit }) => {
    const result = await deleteVaultFolder(access, params.folderName);
    audit({ target: params.folderName });
    return result;
  },
});
